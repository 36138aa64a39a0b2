package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/**
 * Long opaque runs: a window of base64-alphabet words that looks encoded (judged in {@link Candidates}' pass), or a
 * contiguous run without whitespace of base64 characters, decimal digits or dense printable ASCII.
 */
final class OpaqueRunDetector implements CandidateDetector {

    private final ScannerPolicy policy;

    OpaqueRunDetector(ScannerPolicy policy) {
        this.policy = policy;
    }

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        if (found.opaqueHit) {
            return RefusalReason.OPAQUE_ENCODED_RUN;
        }
        Candidates.Positions runs = found.longRuns;
        for (int k = 0; k < runs.n; k += 2) {
            RefusalReason r = longRun(c, runs.a[k], runs.a[k + 1]);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * Contiguous runs: base64-alphabet (not a repeated pattern), decimal digits, dense printable ASCII. A run of
     * letters only is never opaque, however long: plain prose typed without spaces is not an image.
     */
    private RefusalReason longRun(char[] c, int off, int end) {
        int contiguous = 0;
        boolean contiguousHasNonLetter = false;
        long seenLo = 0;
        long seenHi = 0;
        int digitRun = 0;
        int printableRun = 0;
        long pSeenLo = 0;
        long pSeenHi = 0;
        long symbolsLo = 0;
        long symbolsHi = 0;
        for (int i = off; i < end; i++) {
            char ch = c[i];
            if (ch > 0x20 && ch < 0x7F) {
                printableRun++;
                if (ch < 64) pSeenLo |= 1L << ch; else pSeenHi |= 1L << (ch - 64);
                if (!isAsciiAlnum(ch)) {
                    if (ch < 64) symbolsLo |= 1L << ch; else symbolsHi |= 1L << (ch - 64);
                }
                if (printableRun >= policy.maxContiguousRun()
                    && Long.bitCount(pSeenLo) + Long.bitCount(pSeenHi) >= 24
                    && Long.bitCount(symbolsLo) + Long.bitCount(symbolsHi) >= 6) {
                    return RefusalReason.OPAQUE_ENCODED_RUN;
                }
            } else {
                printableRun = 0;
                pSeenLo = 0;
                pSeenHi = 0;
                symbolsLo = 0;
                symbolsHi = 0;
            }
            if (ch >= '0' && ch <= '9') {
                if (++digitRun >= policy.maxDigitRun()) {
                    return RefusalReason.OPAQUE_ENCODED_RUN;
                }
            } else {
                digitRun = 0;
            }
            if (ch < 0x80 && (B64[ch] >= 0 || ch == '=')) {
                contiguous++;
                contiguousHasNonLetter |= !isAsciiLetter(ch);
                if (ch < 64) seenLo |= 1L << ch; else seenHi |= 1L << (ch - 64);
                if (contiguous >= policy.maxContiguousRun() && contiguousHasNonLetter) {
                    int distinct = Long.bitCount(seenLo) + Long.bitCount(seenHi);
                    if (distinct >= 6 || contiguous >= 4 * policy.maxContiguousRun()) {
                        return RefusalReason.OPAQUE_ENCODED_RUN;
                    }
                }
            } else {
                contiguous = 0;
                contiguousHasNonLetter = false;
                seenLo = 0;
                seenHi = 0;
            }
        }
        return null;
    }
}
