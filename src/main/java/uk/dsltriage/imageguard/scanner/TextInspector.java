package uk.dsltriage.imageguard.scanner;

/**
 * Inspects one string (a JSON string value, a field name, or the concatenation of a container's short strings): one
 * pass collects the {@link Candidates}, then each detection technique runs in a fixed order and the first finding
 * wins. The order is part of the behaviour (it decides which reason a refusal names), so it is written once, here.
 *
 * <p>Not thread-safe: one instance per scan. Every pass is linear in the string length; decoders only look at a
 * bounded prefix at each candidate position, and nested decoding is bounded by
 * {@link ScannerPolicy#nestedDecodeBytes()} and {@link ScannerPolicy#maxNestLevel()}.
 *
 * <p>Never records, logs or returns any part of the text.
 */
final class TextInspector {

    /** Deeper than any {@link ScannerPolicy#maxNestLevel()} the policy allows. */
    private static final int LEVELS = 10;

    private final ScannerPolicy policy;
    private final CandidateDetector[] atCandidates;
    private final TextDetector[] overWholeText;
    /** One set of candidates per nesting level, reused, so nested inspection cannot clobber its caller's. */
    private final Candidates[] candidatesByLevel = new Candidates[LEVELS];
    /** Whether the last top-level string inspected contained whitespace (used to pick chunk candidates). */
    private boolean lastHadSpace;

    TextInspector(ScannerPolicy policy) {
        this.policy = policy;
        NestedInspection nested = this::nested;
        this.atCandidates = new CandidateDetector[] {
            new ControlCharacterDetector(policy),
            new RawSignatureDetector(),
            new DataUriDetector(),
            new EncodedSegmentDetector(policy, nested),
            new EscapedBytesDetector(policy, nested),
            new MarkupDetector(),
            new UrlDetector(policy),
            new OpaqueRunDetector(policy)};
        this.overWholeText = new TextDetector[] {
            new DisguisedEncodingDetector(),
            new OpacityStatistics(policy.opaqueRunChars())};
    }

    /** @return the first finding, or null if the text is clean */
    RefusalReason inspect(char[] c, int off, int len) {
        return inspect(c, off, len, 0);
    }

    RefusalReason inspect(String s) {
        char[] a = s.toCharArray();
        return inspect(a, 0, a.length, 0);
    }

    boolean lastHadSpace() {
        return lastHadSpace;
    }

    private RefusalReason inspect(char[] c, int off, int len, int level) {
        if (len <= 0) {
            return null;
        }
        int end = off + len;
        Candidates found = candidates(level).collect(c, off, end);
        if (level == 0) {
            lastHadSpace = found.hadSpace;
        }
        for (CandidateDetector detector : atCandidates) {
            RefusalReason r = detector.inspect(c, off, end, found, level);
            if (r != null) {
                return r;
            }
        }
        for (TextDetector detector : overWholeText) {
            RefusalReason r = detector.inspect(c, off, end);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    private Candidates candidates(int level) {
        Candidates found = candidatesByLevel[level];
        if (found == null) {
            found = new Candidates(policy);
            candidatesByLevel[level] = found;
        }
        return found;
    }

    /**
     * Re-inspects decoded bytes as text (Latin-1), one level deeper. Findings become ENCODED_MEDIA except URLs and
     * data: URIs, which keep their own reason.
     */
    RefusalReason nested(byte[] bytes, int n, int level) {
        if (n <= 0) {
            return null;
        }
        if (MediaSignatures.matches(bytes, 0, n, MediaSignatures.DECODED)) {
            return RefusalReason.ENCODED_MEDIA;
        }
        char[] text = new char[n];
        for (int k = 0; k < n; k++) {
            text[k] = (char) (bytes[k] & 0xFF);
        }
        RefusalReason r = inspect(text, 0, n, level + 1);
        if (r == null) {
            return null;
        }
        switch (r) {
            case URL:
            case DATA_URI:
                return r;
            default:
                return RefusalReason.ENCODED_MEDIA;
        }
    }
}
