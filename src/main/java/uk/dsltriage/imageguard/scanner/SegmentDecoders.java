package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/** The decoders of {@link EncodedSegmentDetector}: base64/base64url, hex and decimal byte lists, from one position. */
final class SegmentDecoders {

    private SegmentDecoders() {
    }

    /** Decodes base64/base64url from {@code i}, skipping whitespace, stopping at any other character, '=' or
     *  when {@code max} bytes are produced. @return bytes produced */
    static int decodeBase64(char[] c, int i, int end, byte[] out, int max) {
        return decodeBase64(c, i, end, out, max, null);
    }

    static int decodeBase64Full(char[] c, int i, int end, byte[] out, int[] consumed) {
        return decodeBase64(c, i, end, out, out.length, consumed);
    }

    /** The one base64 decoder; {@code consumed[0]}, when given, receives the index where decoding stopped. */
    static int decodeBase64(char[] c, int i, int end, byte[] out, int max, int[] consumed) {
        int acc = 0;
        int bits = 0;
        int n = 0;
        int limit = Math.min(max, out.length);
        int k = i;
        for (; k < end && n < limit; k++) {
            char ch = c[k];
            if (ch >= 0x80) {
                break;
            }
            int v = B64[ch];
            if (v == -2) {
                continue;
            }
            if (v < 0) {
                break;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        if (consumed != null) {
            consumed[0] = k;
        }
        return n;
    }

    private static boolean isHexSep(char ch) {
        return ch == ' ' || ch == ':' || ch == ',' || ch == '-' || ch == ';' || ch == '\n' || ch == '\r'
            || ch == '\t' || ch == '.' || ch == '|';
    }

    /** Hex from {@code i}: groups of an even number of hex digits, optionally "0x"-prefixed, separated by up to
     *  three separator characters. */
    static int decodeHexFull(char[] c, int i, int end, byte[] out, int[] consumed) {
        return decodeHexInto(c, i, end, out, out.length, consumed);
    }

    static int decodeHexInto(char[] c, int i, int end, byte[] out, int max, int[] consumed) {
        int n = 0;
        int k = i;
        while (k < end && n < max) {
            if (k + 1 < end && c[k] == '0' && (c[k + 1] == 'x' || c[k + 1] == 'X') && k + 2 < end && isHexChar(c[k + 2])) {
                k += 2;
            }
            int g = k;
            while (g < end && isHexChar(c[g])) {
                g++;
            }
            int glen = g - k;
            if (glen < 2) {
                break;
            }
            int pairs = glen / 2;
            for (int p = 0; p < pairs && n < max; p++) {
                out[n++] = (byte) ((HEX[c[k + 2 * p]] << 4) | HEX[c[k + 2 * p + 1]]);
            }
            if ((glen & 1) != 0) {
                k = g;
                break;
            }
            k = g;
            int s = k;
            while (s < end && s - k < 3 && isHexSep(c[s])) {
                s++;
            }
            if (s == k || s >= end || !isHexChar(c[s])) {
                break;
            }
            k = s;
        }
        consumed[0] = k;
        return n;
    }

    /** Fills {@code decimalInfo} with {bytes stored in out, numbers counted, end position} and returns it. */
    static int[] decimalList(char[] c, int i, int end, byte[] out, int[] decimalInfo) {
        int stored = 0;
        int count = 0;
        int k = i;
        while (k < end) {
            int d = k;
            int val = 0;
            while (d < end && d - k < 4 && c[d] >= '0' && c[d] <= '9') {
                val = val * 10 + (c[d] - '0');
                d++;
            }
            if (d == k || (d < end && c[d] >= '0' && c[d] <= '9') || val > 255) {
                // not a byte value (too long or too large): end of list
                while (d < end && c[d] >= '0' && c[d] <= '9') {
                    d++;
                }
                k = d;
                break;
            }
            if (stored < out.length) {
                out[stored++] = (byte) val;
            }
            count++;
            k = d;
            int s = k;
            while (s < end && s - k < 3 && (c[s] == ' ' || c[s] == ',' || c[s] == ';' || c[s] == '\n'
                || c[s] == '\r' || c[s] == '\t')) {
                s++;
            }
            if (s == k || s >= end || c[s] < '0' || c[s] > '9') {
                break;
            }
            k = s;
        }
        decimalInfo[0] = stored;
        decimalInfo[1] = count;
        decimalInfo[2] = Math.max(k, i + 1);
        return decimalInfo;
    }
}
