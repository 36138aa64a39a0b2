package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

import static uk.dsltriage.imageguard.scanner.SegmentDecoders.*;

/**
 * A file encoded as base64/base64url, hex (contiguous, grouped, {@code 0x}-prefixed) or a decimal byte list, at the
 * segment starts {@link Candidates} found worth decoding; printable decoded text is inspected again one level deeper
 * (a base64 of a hex of a JPEG). A decimal list of more than {@link ScannerPolicy#maxNumericMembers()} numbers is
 * binary content whatever it decodes to.
 */
final class EncodedSegmentDetector implements CandidateDetector {

    private final ScannerPolicy policy;
    private final NestedInspection nested;
    private final byte[] probe = new byte[MediaSignatures.PROBE];
    private final int[] scratchInt = new int[1];
    private final int[] decimalInfo = new int[3];

    EncodedSegmentDetector(ScannerPolicy policy, NestedInspection nested) {
        this.policy = policy;
        this.nested = nested;
    }

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        Candidates.Positions seg = found.seg;
        int nestedCovered = off;
        int hexNestedCovered = off;
        int decimalCovered = off;
        for (int t = 0; t < seg.n; t++) {
            int i = seg.a[t];
            char ch = c[i];
            // -- base64 / base64url
            int n = decodeBase64(c, i, end, probe, 3);
            if (n == 3 && MediaSignatures.possibleFirstTwo(probe[0], probe[1])) {
                n = decodeBase64(c, i, end, probe, probe.length);
                if (MediaSignatures.matches(probe, 0, n, MediaSignatures.DECODED)) {
                    return RefusalReason.ENCODED_MEDIA;
                }
            }
            if (level < policy.maxNestLevel() && i >= nestedCovered && n >= 3 && printable(probe, 3)) {
                n = decodeBase64(c, i, end, probe, 12);
                if (n >= 12 && printable(probe, 12)) {
                    int[] consumed = new int[1];
                    byte[] full = new byte[policy.nestedDecodeBytes()];
                    int m = decodeBase64Full(c, i, end, full, consumed);
                    nestedCovered = consumed[0];
                    RefusalReason r = nested.inspect(full, m, level);
                    if (r != null) {
                        return r;
                    }
                }
            }
            // -- hex (contiguous, or grouped with separators, optional 0x prefixes)
            if (HEX[ch] >= 0) {
                int h = decodeHexInto(c, i, end, probe, probe.length, scratchInt);
                if (h >= 3) {
                    if (MediaSignatures.matches(probe, 0, h, MediaSignatures.DECODED)) {
                        return RefusalReason.ENCODED_MEDIA;
                    }
                    if (level < policy.maxNestLevel() && h >= 12 && i >= hexNestedCovered && printable(probe, 12)) {
                        byte[] full = new byte[policy.nestedDecodeBytes()];
                        int[] consumed = new int[1];
                        int m = decodeHexFull(c, i, end, full, consumed);
                        hexNestedCovered = consumed[0];
                        RefusalReason r = nested.inspect(full, m, level);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            // -- decimal byte lists: "255, 216, 255, 224"
            if (ch >= '0' && ch <= '9' && i >= decimalCovered) {
                int[] info = decimalList(c, i, end, probe, decimalInfo);
                decimalCovered = info[2];
                if (info[1] >= 4 && MediaSignatures.matches(probe, 0, info[0], MediaSignatures.DECODED)) {
                    return RefusalReason.ENCODED_MEDIA;
                }
                if (info[1] >= policy.maxNumericMembers()) {
                    return RefusalReason.BINARY_CONTENT;
                }
            }
        }
        return null;
    }
}
