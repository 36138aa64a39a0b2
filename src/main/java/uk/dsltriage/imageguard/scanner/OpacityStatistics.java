package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.alnumRunEnd;
import static uk.dsltriage.imageguard.scanner.CharTables.isAsciiAlnum;
import static uk.dsltriage.imageguard.scanner.CharTables.isHexChar;

/**
 * Long encoded text whatever its grouping: judges the letters and digits of the text with every separator, zero-width
 * character, accented letter and punctuation mark taken out, block by block ({@code blockChars} letters and digits
 * per block, two block series staggered by half a block). A block is opaque when it has no words and looks like one
 * of the encodings' alphabets:
 * <ul>
 *   <li>base64, base58, ascii85 and the like: frequent changes between lower case, upper case and digits, and
 *       digits present;</li>
 *   <li>hex: no letter outside {@code a-f}, and both letters and many digits;</li>
 *   <li>base32: upper case only, digits only from {@code 2-7};</li>
 *   <li>decimal or octal byte lists: almost nothing but digits.</li>
 * </ul>
 * "No words" means most characters are in tokens that are not word-like; a word-like token is letters only, in
 * lower, Capitalised or UPPER case, with a vowel, or a number of up to four digits. Letters alone, however long,
 * are never opaque: plain prose must not be called an image. UUIDs and hex digests (32 to 128 hex digits) are
 * taken out before counting, so reference numbers pass.
 */
final class OpacityStatistics implements TextDetector {

    private final int blockChars;

    OpacityStatistics(int blockChars) {
        this.blockChars = blockChars;
    }

    /** Counts of one block of normalised characters. */
    private static final class Block {
        int chars;
        int digits;
        int upper;
        int lower;
        int transitions;
        int letterWordChars;
        int numberWordChars;
        int nonHexLetters;
        int digitsOutsideBase32;
        int skip;

        void clear() {
            chars = digits = upper = lower = transitions = letterWordChars = numberWordChars = nonHexLetters = digitsOutsideBase32 = 0;
        }

        boolean opaque() {
            if (letterWordChars * 10 > chars * 4) {
                return false; // more than 40% words: prose, a transcript, a list of names
            }
            boolean hex = nonHexLetters == 0 && (upper + lower) * 10 >= chars && digits * 10 >= chars * 3;
            boolean numbers = digits * 100 >= chars * 97;
            if (hex || numbers) {
                return true; // short numbers count as words for the other alphabets, not for these two
            }
            if ((letterWordChars + numberWordChars) * 10 > chars * 4) {
                return false;
            }
            boolean mixed = transitions * 100 >= chars * 28 && digits * 100 >= chars * 4;
            boolean base32 = lower == 0 && digitsOutsideBase32 == 0 && digits * 100 >= chars * 8;
            return mixed || base32;
        }
    }

    @Override
    public RefusalReason inspect(char[] c, int off, int end) {
        Block a = new Block();
        Block b = new Block();
        b.skip = blockChars / 2;
        int previousClass = -1;
        int i = off;
        while (i < end) {
            if (!isAsciiAlnum(c[i])) {
                i++;
                continue;
            }
            int tokenEnd = alnumRunEnd(c, i, end);
            int skipTo = referenceEnd(c, i, tokenEnd, end);
            if (skipTo > 0) {
                i = skipTo;
                continue;
            }
            int word = wordKind(c, i, tokenEnd);
            for (int k = i; k < tokenEnd; k++) {
                char ch = c[k];
                int cls = ch <= '9' ? 2 : ch <= 'Z' ? 1 : 0;
                boolean transition = previousClass >= 0 && cls != previousClass;
                previousClass = cls;
                if (add(a, ch, cls, transition, word) || add(b, ch, cls, transition, word)) {
                    return RefusalReason.OPAQUE_ENCODED_RUN;
                }
            }
            i = tokenEnd;
        }
        return null;
    }

    /** @return true when this character completes an opaque block */
    private boolean add(Block block, char ch, int cls, boolean transition, int word) {
        if (block.skip > 0) {
            block.skip--;
            return false;
        }
        block.chars++;
        if (cls == 2) {
            block.digits++;
            if (ch < '2' || ch > '7') {
                block.digitsOutsideBase32++;
            }
        } else {
            if (cls == 1) {
                block.upper++;
            } else {
                block.lower++;
            }
            char lower = (char) (ch | 0x20);
            if (lower > 'f') {
                block.nonHexLetters++;
            }
        }
        if (transition) {
            block.transitions++;
        }
        if (word == LETTER_WORD) {
            block.letterWordChars++;
        } else if (word == NUMBER_WORD) {
            block.numberWordChars++;
        }
        if (block.chars < blockChars) {
            return false;
        }
        boolean opaque = block.opaque();
        block.clear();
        return opaque;
    }

    /** Share of the letters and digits of {@code c[from..to)} that are in letter words; tokens of one or two
     *  characters are left out, as a separator every two characters makes many of them. */
    static double wordShare(char[] c, int from, int to) {
        int chars = 0;
        int wordChars = 0;
        int i = from;
        while (i < to) {
            if (!isAsciiAlnum(c[i])) {
                i++;
                continue;
            }
            int tokenEnd = alnumRunEnd(c, i, to);
            if (tokenEnd - i <= 2) {
                i = tokenEnd;
                continue;
            }
            chars += tokenEnd - i;
            if (wordKind(c, i, tokenEnd) == LETTER_WORD) {
                wordChars += tokenEnd - i;
            }
            i = tokenEnd;
        }
        return chars == 0 ? 0 : (double) wordChars / chars;
    }

    private static final int NOT_A_WORD = 0;
    private static final int LETTER_WORD = 1;
    private static final int NUMBER_WORD = 2;

    private static int wordKind(char[] c, int s, int e) {
        int n = e - s;
        boolean digitsOnly = true;
        boolean lettersOnly = true;
        boolean vowel = false;
        int upper = 0;
        for (int k = s; k < e; k++) {
            char ch = c[k];
            if (ch <= '9') {
                lettersOnly = false;
            } else {
                digitsOnly = false;
                if (ch <= 'Z') {
                    upper++;
                }
                switch (ch | 0x20) {
                    case 'a', 'e', 'i', 'o', 'u', 'y' -> vowel = true;
                    default -> { }
                }
            }
        }
        if (digitsOnly) {
            return n <= 4 ? NUMBER_WORD : NOT_A_WORD;
        }
        if (!lettersOnly || !vowel) {
            return NOT_A_WORD;
        }
        boolean capitalised = upper == 1 && c[s] <= 'Z';
        return upper == 0 || capitalised || upper == n ? LETTER_WORD : NOT_A_WORD;
    }

    /**
     * A UUID ({@code 8-4-4-4-12} hex) or a hex digest token of 32, 40, 56, 64, 96 or 128 digits starting at
     * {@code s}: @return where it ends, or 0 when there is none.
     */
    private static int referenceEnd(char[] c, int s, int tokenEnd, int end) {
        if (tokenEnd - s == 8 && s + 36 <= end && isUuid(c, s, end)) {
            return s + 36;
        }
        int n = tokenEnd - s;
        if (n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128) {
            boolean upper = false;
            boolean lower = false;
            for (int k = s; k < tokenEnd; k++) {
                char ch = c[k];
                if (!isHexChar(ch)) {
                    return 0;
                }
                upper |= ch >= 'A' && ch <= 'F';
                lower |= ch >= 'a' && ch <= 'f';
            }
            return upper && lower ? 0 : tokenEnd;
        }
        return 0;
    }

    private static boolean isUuid(char[] c, int s, int end) {
        for (int k = 0; k < 36; k++) {
            char ch = c[s + k];
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? ch != '-' : !isHexChar(ch)) {
                return false;
            }
        }
        return s + 36 == end || !isAsciiAlnum(c[s + 36]);
    }
}
