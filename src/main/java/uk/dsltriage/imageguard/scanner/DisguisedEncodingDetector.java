package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.HEX;
import static uk.dsltriage.imageguard.scanner.CharTables.isAsciiAlnum;
import static uk.dsltriage.imageguard.scanner.CharTables.isHexChar;

/**
 * Encoded file signatures with filler between the characters: a base64, base32, hex, decimal or octal encoding of
 * an image with a space, a zero-width space, a middle dot, an accented letter, a line break or punctuation every few
 * characters ({@code "/9j·/4A·AQS"}, {@code "ff d8 ff e0"}, {@code "\377\330\377"}). At every token start (an ASCII
 * letter or digit after anything else) it decodes a short prefix, skipping up to {@link #MAX_GAP} filler characters
 * between encoded characters, and matches the bytes against {@link MediaSignatures}. Filler is anything that is not
 * in the encoding's alphabet: any non-ASCII character, whitespace and punctuation.
 */
final class DisguisedEncodingDetector implements TextDetector {

    /** Longest run of filler skipped between two encoded characters. */
    static final int MAX_GAP = 4;

    private static final byte[] B64_STD = new byte[128];
    private static final byte[] B64_URL = new byte[128];
    private static final byte[] B32 = new byte[128];

    static {
        java.util.Arrays.fill(B64_STD, (byte) -1);
        java.util.Arrays.fill(B64_URL, (byte) -1);
        java.util.Arrays.fill(B32, (byte) -1);
        for (int i = 0; i < 26; i++) {
            B64_STD['A' + i] = B64_URL['A' + i] = (byte) i;
            B64_STD['a' + i] = B64_URL['a' + i] = (byte) (26 + i);
            B32['A' + i] = (byte) i;
        }
        for (int i = 0; i < 10; i++) {
            B64_STD['0' + i] = B64_URL['0' + i] = (byte) (52 + i);
        }
        for (int i = 2; i <= 7; i++) {
            B32['0' + i] = (byte) (24 + i);
        }
        B64_STD['+'] = 62;
        B64_STD['/'] = 63;
        B64_URL['-'] = 62;
        B64_URL['_'] = 63;
    }

    /** Fewer decoded bytes than this are not judged: too short for a file, too likely to be chance. */
    static final int MIN_BYTES = 12;

    private final byte[] probe = new byte[MediaSignatures.PROBE];
    /** Where the last decoder stopped reading. */
    private int stoppedAt;

    @Override
    public RefusalReason inspect(char[] c, int off, int end) {
        for (int i = off; i < end; i++) {
            char ch = c[i];
            if (!isAsciiAlnum(ch) && ch != '/' && ch != '+' && ch != '\\') {
                continue;
            }
            if (i > off && isAsciiAlnum(c[i - 1])) {
                continue; // not a token start
            }
            if (matchesAt(c, i, end)) {
                return RefusalReason.ENCODED_MEDIA;
            }
        }
        return null;
    }

    private boolean matchesAt(char[] c, int i, int end) {
        return decodedMatches(c, i, decodeBits(c, i, end, B64_STD, 6))
                || decodedMatches(c, i, decodeBits(c, i, end, B64_URL, 6))
                || signatureIn(decodeBits(c, i, end, B32, 5))
                || decodedMatches(c, i, decodeHex(c, i, end))
                || decodedMatches(c, i, decodeNumbers(c, i, end, 10))
                || decodedMatches(c, i, decodeNumbers(c, i, end, 8));
    }

    /** A signature in enough bytes, read from characters that are mostly not words (prose decodes by chance). */
    private boolean decodedMatches(char[] c, int from, int n) {
        return signatureIn(n) && OpacityStatistics.wordShare(c, from, stoppedAt) < 0.5;
    }

    /** Base32 reads upper case and 2-7 only, so ordinary prose never reaches {@link #MIN_BYTES}; its groups of
     *  capitals look like words, so the word test does not apply. */
    private boolean signatureIn(int n) {
        return n >= MIN_BYTES && MediaSignatures.matches(probe, 0, n, MediaSignatures.DECODED);
    }

    /**
     * Decodes characters of an alphabet of {@code bitsPerChar} bits (6: base64 and base64url, 5: base32) into the
     * probe, skipping up to {@link #MAX_GAP} filler characters between them.
     */
    private int decodeBits(char[] c, int i, int end, byte[] alphabet, int bitsPerChar) {
        int acc = 0;
        int bits = 0;
        int n = 0;
        int gap = 0;
        int k = i;
        for (; k < end && n < probe.length; k++) {
            char ch = c[k];
            int v = ch < 0x80 ? alphabet[ch] : -1;
            if (v < 0) {
                if (isAsciiAlnum(ch) || ++gap > MAX_GAP) {
                    break;
                }
                continue;
            }
            gap = 0;
            acc = (acc << bitsPerChar) | v;
            bits += bitsPerChar;
            if (bits >= 8) {
                bits -= 8;
                probe[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
                if (n == 2 && !MediaSignatures.possibleFirstTwo(probe[0], probe[1])) {
                    return 0;
                }
            }
        }
        stoppedAt = k;
        return n;
    }

    /** Hex nibbles with filler anywhere, also between the two nibbles of a byte; {@code 0x} and {@code \x} prefixes
     *  are filler. */
    private int decodeHex(char[] c, int i, int end) {
        int n = 0;
        int gap = 0;
        int high = -1;
        int k = i;
        for (; k < end && n < probe.length; k++) {
            char ch = c[k];
            if ((ch == 'x' || ch == 'X') && high == 0 && k + 1 < end && isHexChar(c[k + 1])) {
                high = -1; // "0x": the 0 was a prefix, not a nibble
                continue;
            }
            if ((ch == 'x' || ch == 'X') && k > i && c[k - 1] == '\\') {
                continue;
            }
            int v = ch < 0x80 ? HEX[ch] : -1;
            if (v < 0) {
                if (isAsciiAlnum(ch) || ++gap > MAX_GAP) {
                    break;
                }
                continue;
            }
            gap = 0;
            if (high < 0) {
                high = v;
            } else {
                probe[n++] = (byte) ((high << 4) | v);
                high = -1;
                if (n == 2 && !MediaSignatures.possibleFirstTwo(probe[0], probe[1])) {
                    return 0;
                }
            }
        }
        stoppedAt = k;
        return n;
    }

    /** Byte values written as decimal or octal numbers separated by filler: {@code 255·216·255},
     *  {@code \377\330\377}. */
    private int decodeNumbers(char[] c, int i, int end, int radix) {
        int n = 0;
        int k = i;
        while (k < end && n < probe.length) {
            int gap = 0;
            while (k < end && !isAsciiAlnum(c[k])) {
                if (++gap > MAX_GAP) {
                    stoppedAt = k;
                    return n;
                }
                k++;
            }
            int value = 0;
            int digits = 0;
            while (k < end && c[k] >= '0' && c[k] < '0' + radix && digits < 4) {
                value = value * radix + (c[k] - '0');
                digits++;
                k++;
            }
            if (digits == 0 || digits == 4 || value > 255 || k < end && isAsciiAlnum(c[k])) {
                stoppedAt = k;
                return n;
            }
            probe[n++] = (byte) value;
            if (n == 2 && !MediaSignatures.possibleFirstTwo(probe[0], probe[1])) {
                return 0;
            }
        }
        stoppedAt = k;
        return n;
    }
}
