package uk.dsltriage.imageguard.scanner;

/**
 * A file's raw signature carried as characters (one char per byte): at word starts for signatures that are ASCII
 * text ({@code GIF89a}, {@code %PDF}), and anywhere near a control or Latin-1 character for the strong binary ones.
 */
final class RawSignatureDetector implements CandidateDetector {

    private final byte[] probe = new byte[MediaSignatures.PROBE];

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        Candidates.Positions word = found.word;
        for (int k = 0; k < word.n; k++) {
            int n = fillLatin1(c, word.a[k], end);
            if (MediaSignatures.matches(probe, 0, n, MediaSignatures.RAW_WORD)) {
                return RefusalReason.BINARY_CONTENT;
            }
        }
        return found.bin.n > 0 ? rawAnywhere(c, off, end, found.bin) : null;
    }


    /**
     * Every strong signature has a control or non-ASCII byte within its first {@link #STRONG_REACH} bytes, so only
     * positions just before such characters need checking.
     */
    private static final int STRONG_REACH = 8;

    private RefusalReason rawAnywhere(char[] c, int off, int end, Candidates.Positions bin) {
        int checked = off;
        for (int k = 0; k < bin.n; k++) {
            int q = bin.a[k];
            int from = Math.max(checked, q - STRONG_REACH);
            for (int i = from; i <= q && i + 1 < end; i++) {
                char ch = c[i];
                char n1 = c[i + 1];
                if (ch > 0xFF || n1 > 0xFF || !MediaSignatures.possibleStrongFirstTwo(ch, n1)) {
                    continue;
                }
                int n = fillLatin1(c, i, end);
                if (MediaSignatures.matches(probe, 0, n, MediaSignatures.RAW_ANYWHERE)) {
                    return RefusalReason.BINARY_CONTENT;
                }
            }
            checked = Math.max(checked, q + 1);
        }
        return null;
    }

    private int fillLatin1(char[] c, int i, int end) {
        int n = 0;
        while (n < probe.length && i + n < end) {
            char ch = c[i + n];
            if (ch > 0xFF) {
                break;
            }
            probe[n++] = (byte) ch;
        }
        return n;
    }
}
