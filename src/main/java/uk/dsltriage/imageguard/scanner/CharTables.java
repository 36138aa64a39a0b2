package uk.dsltriage.imageguard.scanner;

/**
 * ASCII character classes and decoding tables shared by the scanner's single pass ({@link Candidates}) and its
 * detectors, plus the small character tests they all use. Static and immutable after class initialisation.
 */
final class CharTables {

    private CharTables() {
    }

    // character classes (ASCII)
    static final int C_B64 = 1;       // A-Z a-z 0-9 + / - _
    static final int C_WS = 2;        // space, tab, CR, LF
    static final int C_TRIG = 4;      // : ; / \ . < & % = [ (
    static final int C_DIGIT = 8;
    static final int C_HEX = 16;
    static final int C_BOUND = 32;    // word boundary before a raw signature

    static final int[] CC = new int[128];
    /** Class for transitions: 0 lower, 1 upper, 2 digit, 3 anything else. */
    static final byte[] TCLS = new byte[128];
    /** base64 value: 0..63, -1 not in alphabet, -2 whitespace. '+' and '-' are 62, '/' and '_' are 63. */
    static final byte[] B64 = new byte[128];
    static final byte[] HEX = new byte[128];
    /** First two base64 characters (12 bits) that may start a signature / printable text. */
    static final boolean[] B64_SIG = new boolean[4096];
    static final boolean[] B64_TXT = new boolean[4096];
    /** Packed per-ASCII-character info for the hot loop: bits 0-1 transition class, bit 2 base64 alphabet. */
    static final byte[] PK = new byte[128];
    static final int PK_B64 = 4;
    /** Bit (previous class << 2 | class) set when the two are different members of lower/upper/digit. */
    static final int TRANS_MASK;

    static {
        java.util.Arrays.fill(B64, (byte) -1);
        java.util.Arrays.fill(HEX, (byte) -1);
        java.util.Arrays.fill(TCLS, (byte) 3);
        for (int i = 0; i < 26; i++) {
            B64['A' + i] = (byte) i;
            B64['a' + i] = (byte) (26 + i);
            TCLS['a' + i] = 0;
            TCLS['A' + i] = 1;
        }
        for (int i = 0; i < 10; i++) {
            B64['0' + i] = (byte) (52 + i);
            HEX['0' + i] = (byte) i;
            TCLS['0' + i] = 2;
            CC['0' + i] |= C_DIGIT;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
        B64['+'] = 62;
        B64['-'] = 62;
        B64['/'] = 63;
        B64['_'] = 63;
        for (char w : new char[] {' ', '\t', '\r', '\n'}) {
            B64[w] = -2;
            CC[w] |= C_WS | C_BOUND;
        }
        for (int ch = 0; ch < 128; ch++) {
            if (B64[ch] >= 0) CC[ch] |= C_B64;
            if (HEX[ch] >= 0) CC[ch] |= C_HEX;
        }
        for (char t : new char[] {':', ';', '/', '\\', '.', '<', '&', '%', '=', '[', '('}) {
            CC[t] |= C_TRIG;
        }
        for (char b : new char[] {'"', '\'', '(', '[', '{', ':', ',', ';', '=', '>'}) {
            CC[b] |= C_BOUND;
        }
        for (int v = 0; v < 4096; v++) {
            int b0 = v >> 4;
            int hi = v & 15;
            B64_SIG[v] = MediaSignatures.possibleFirst(b0) && MediaSignatures.possibleFirstAndHighNibble(b0, hi);
            boolean p0 = (b0 >= 0x20 && b0 < 0x7F) || b0 == '\t' || b0 == '\n' || b0 == '\r';
            B64_TXT[v] = p0 && (hi == 0 || (hi >= 2 && hi <= 7));
        }
        int mask = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                if (a != b) {
                    mask |= 1 << ((a << 2) | b);
                }
            }
        }
        TRANS_MASK = mask;
        for (int ch = 0; ch < 128; ch++) {
            PK[ch] = (byte) (TCLS[ch] | (B64[ch] >= 0 ? PK_B64 : 0));
        }
    }

    static boolean regionLower(char[] c, int i, int end, String s) {
        if (i + s.length() > end) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (lower(c[i + k]) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
    }

    static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    static boolean isAsciiAlnum(char ch) {
        return isAsciiLetter(ch) || (ch >= '0' && ch <= '9');
    }

    static boolean isAsciiLetterOrDigit(char ch) {
        return isAsciiAlnum(ch);
    }

    /** @return the end of the run of ASCII letters and digits that starts at {@code i} */
    static int alnumRunEnd(char[] c, int i, int end) {
        int k = i;
        while (k < end && isAsciiAlnum(c[k])) {
            k++;
        }
        return k;
    }

    static boolean isHexChar(char ch) {
        return ch < 0x80 && HEX[ch] >= 0;
    }

    static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == 0xA0;
    }

    static boolean printable(byte[] b, int n) {
        for (int k = 0; k < n; k++) {
            int x = b[k] & 0xFF;
            if ((x < 0x20 && x != '\n' && x != '\r' && x != '\t') || x >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
