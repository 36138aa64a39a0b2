package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/**
 * Escaped bytes inside a token: {@code %FF}, quoted-printable {@code =FF}, {@code \\xFF}, {@code \\u00FF},
 * {@code &#255;} and {@code &#xFF;}. The whole token is decoded (escapes and the characters between them) and matched
 * from its start and from its first escape; a token with two or more escapes is inspected again one level deeper.
 */
final class EscapedBytesDetector implements CandidateDetector {

    private final ScannerPolicy policy;
    private final NestedInspection nested;

    EscapedBytesDetector(ScannerPolicy policy, NestedInspection nested) {
        this.policy = policy;
        this.nested = nested;
    }

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        Candidates.Positions trig = found.trig;
        int done = off;
        for (int tt = 0; tt < trig.n; tt++) {
            int i = trig.a[tt];
            char t = c[i];
            if (i < done || (t != '%' && t != '=' && t != '\\' && t != '&') || escapeLength(c, i, end) == 0) {
                continue;
            }
            int firstEsc = i;
            int start = i;
            while (start > off && !isSpace(c[start - 1])) {
                start--;
            }
            int tokEnd = i;
            while (tokEnd < end && !isSpace(c[tokEnd])) {
                tokEnd++;
            }
            done = tokEnd;
            int cap = policy.nestedDecodeBytes();
            byte[] buf = new byte[Math.min(cap, tokEnd - start)];
            int n = 0;
            int firstEscOut = -1;
            int escapes = 0;
            int k = start;
            while (k < tokEnd && n < buf.length) {
                int el = escapeLength(c, k, tokEnd);
                if (el > 0) {
                    if (k == firstEsc) {
                        firstEscOut = n;
                    }
                    buf[n++] = (byte) escapeValue(c, k, el);
                    escapes++;
                    k += el;
                } else {
                    char ch = c[k];
                    buf[n++] = (byte) (ch <= 0xFF ? ch : '?');
                    k++;
                }
            }
            if (MediaSignatures.matches(buf, 0, n, MediaSignatures.DECODED)
                || (firstEscOut > 0 && MediaSignatures.matches(buf, firstEscOut, n - firstEscOut, MediaSignatures.DECODED))) {
                return RefusalReason.ENCODED_MEDIA;
            }
            if (escapes >= 2 && level < policy.maxNestLevel()) {
                RefusalReason r = nested.inspect(buf, n, level);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** @return length of an escape sequence at k, or 0 */
    private static int escapeLength(char[] c, int k, int end) {
        char ch = c[k];
        if (ch == '%' || ch == '=') {
            if (k + 2 < end && isHexChar(c[k + 1]) && isHexChar(c[k + 2])) {
                if (ch == '=' && (Character.isLowerCase(c[k + 1]) || Character.isLowerCase(c[k + 2]))) {
                    return 0; // quoted-printable is upper-case
                }
                return 3;
            }
            return 0;
        }
        if (ch == '\\' && k + 3 < end && (c[k + 1] == 'x' || c[k + 1] == 'X') && isHexChar(c[k + 2]) && isHexChar(c[k + 3])) {
            return 4;
        }
        if (ch == '\\' && k + 5 < end && (c[k + 1] == 'u' || c[k + 1] == 'U') && isHexChar(c[k + 2])
            && isHexChar(c[k + 3]) && isHexChar(c[k + 4]) && isHexChar(c[k + 5])) {
            return 6;
        }
        if (ch == '&' && k + 3 < end && c[k + 1] == '#') {
            int j = k + 2;
            boolean hex = j < end && (c[j] == 'x' || c[j] == 'X');
            if (hex) {
                j++;
            }
            int ds = j;
            while (j < end && j - ds < 6 && (hex ? isHexChar(c[j]) : (c[j] >= '0' && c[j] <= '9'))) {
                j++;
            }
            if (j > ds && j < end && c[j] == ';') {
                return j + 1 - k;
            }
        }
        return 0;
    }

    private static int escapeValue(char[] c, int k, int el) {
        char ch = c[k];
        if (ch == '%' || ch == '=') {
            return (HEX[c[k + 1]] << 4) | HEX[c[k + 2]];
        }
        if (ch == '\\' && el == 4) {
            return (HEX[c[k + 2]] << 4) | HEX[c[k + 3]];
        }
        if (ch == '\\') {
            int v = (HEX[c[k + 2]] << 12) | (HEX[c[k + 3]] << 8) | (HEX[c[k + 4]] << 4) | HEX[c[k + 5]];
            return v <= 0xFF ? v : '?';
        }
        // &#...;
        boolean hex = c[k + 2] == 'x' || c[k + 2] == 'X';
        int v = 0;
        for (int j = k + (hex ? 3 : 2); j < k + el - 1; j++) {
            v = hex ? (v << 4) | HEX[c[j]] : v * 10 + (c[j] - '0');
        }
        return v <= 0xFF ? v : '?';
    }
}
