package uk.dsltriage.imageguard.scanner;

/**
 * File signatures ("magic bytes") of image, video, audio, document, archive and executable formats.
 *
 * <p>Three strictness modes:
 * <ul>
 *   <li>{@link #DECODED}: bytes produced by decoding base64/hex/percent/decimal text. Every signature counts,
 *       including short ASCII ones such as {@code RIFF} or {@code %PDF}.</li>
 *   <li>{@link #RAW_WORD}: the characters of a string (U+0000..U+00FF taken as bytes) at the start of a word.
 *       ASCII-only signatures need their longer form (e.g. {@code GIF89a}, {@code %PDF-},
 *       {@code RIFF....WEBP}) so that prose that merely mentions a format is not refused.</li>
 *   <li>{@link #RAW_ANYWHERE}: the same characters at any position; only signatures containing a control or
 *       non-ASCII byte count (they never occur in real text).</li>
 * </ul>
 * Every check is a bounded number of byte comparisons, with a first-byte switch.
 */
final class MediaSignatures {

    static final int DECODED = 0;
    static final int RAW_WORD = 1;
    static final int RAW_ANYWHERE = 2;

    /** Bytes needed to test every signature. */
    static final int PROBE = 32;

    private static final boolean[] FIRST = new boolean[256];

    static {
        int[] firsts = {0xFF, 0x89, 'G', 'R', 'B', 'I', 'M', 0x00, 0x1A, '%', 'P', 0x1F, '7', 0xFD, '(', '8', 'O',
            'F', 0x30, 'i', 'f', 0xD0, '{', 0xC5, 'g', 'A', 'q', 'S', 0x7F, 0x04, 'M', 0xD7, 0x01, 'w', 'v', '#',
            '<', 0xEF, 0xFE};
        for (int f : firsts) {
            FIRST[f] = true;
        }
    }

    /** Possible (first, second) byte pairs: a 64 Kbit table, so almost every probe is rejected after two bytes. */
    private static final int SLOTS = 48;
    /** first byte -> slot (0 = none) so that the pair tables stay small (cache-friendly). */
    private static final byte[] SLOT = new byte[256];
    private static final boolean[] FIRST2 = new boolean[SLOTS * 256];
    /** The same for signatures that contain a control or non-ASCII byte (checked at every position of raw text). */
    private static final boolean[] FIRST2_STRONG = new boolean[SLOTS * 256];

    static {
        // {first byte, strong?, second bytes...}
        int[][] pairs = {
            {0xFF, 1, 0xD8, 0x4F}, {0x89, 1, 'P', 'M', 'J', 'H'}, {'G', 0, 'I'}, {'R', 1, 'a'}, {'R', 0, 'I'},
            {'B', 1, 'M', 'A', 'P'}, {'B', 0, 'Z'}, {'I', 1, 'I'}, {'I', 0, 'D'}, {'M', 1, 'M'}, {'M', 0, 'S'},
            {0x00, 1, 0x00}, {0x1A, 1, 0x45}, {'%', 0, 'P', '!'}, {'P', 1, 'K'}, {0x1F, 1, 0x8B, 0x9D, 0xA0},
            {'7', 1, 'z'}, {0xFD, 1, '7'}, {'(', 1, 0xB5}, {0x04, 1, 0x22}, {'8', 1, 'B'}, {'O', 1, 'g'},
            {'F', 1, 'L'}, {'F', 0, 'U'}, {0x30, 1, 0x26}, {'i', 0, 'c'}, {'f', 1, 'L'}, {0xD0, 1, 0xCF},
            {'{', 0, '\\'}, {0xC5, 1, 0xD0}, {0xD7, 1, 0xCD}, {0x01, 1, 0x00}, {'g', 0, 'i'}, {'A', 0, 'T'},
            {'q', 0, 'o'}, {'S', 0, 'Q'}, {0x7F, 1, 'E'}, {'w', 0, 'O'}, {'v', 1, '/'}, {'#', 0, '?'},
            {'<', 0, 's', 'S', '?', '!', 'h', 'H', 'i', 'I'}, {0xEF, 1, 0xBB}};
        int next = 1;
        for (int[] p : pairs) {
            if (SLOT[p[0]] == 0) {
                SLOT[p[0]] = (byte) next++;
            }
            int base = SLOT[p[0]] << 8;
            for (int k = 2; k < p.length; k++) {
                FIRST2[base | p[k]] = true;
                if (p[1] == 1) {
                    FIRST2_STRONG[base | p[k]] = true;
                }
            }
        }
        if (next > SLOTS) {
            throw new IllegalStateException("SLOTS");
        }
    }

    private MediaSignatures() {}

    /** Cheap pre-filter on the first two bytes. */
    static boolean possibleFirstTwo(int b0, int b1) {
        int slot = SLOT[b0 & 0xFF];
        return slot != 0 && FIRST2[(slot << 8) | (b1 & 0xFF)];
    }

    /** Cheap pre-filter on the first two bytes, strong (non-text) signatures only. */
    static boolean possibleStrongFirstTwo(int b0, int b1) {
        int slot = SLOT[b0 & 0xFF];
        return slot != 0 && FIRST2_STRONG[(slot << 8) | (b1 & 0xFF)];
    }

    /** Could bytes whose first byte is b0 and whose second byte has high nibble hi4 start a signature? */
    static boolean possibleFirstAndHighNibble(int b0, int hi4) {
        for (int k = 0; k < 16; k++) {
            if (possibleFirstTwo(b0, (hi4 << 4) | k)) {
                return true;
            }
        }
        return false;
    }

    /** Cheap pre-filter: could a signature start with this byte? */
    static boolean possibleFirst(int b) {
        return FIRST[b & 0xFF];
    }

    /**
     * @param b   buffer
     * @param off start of the candidate file
     * @param len bytes available from {@code off}
     * @return true if the bytes at {@code off} start like a media/document/archive/binary file
     */
    static boolean matches(byte[] b, int off, int len, int mode) {
        if (len < 2) {
            return false;
        }
        int b0 = b[off] & 0xFF;
        if (!FIRST[b0] || !possibleFirstTwo(b0, b[off + 1])) {
            return false;
        }
        boolean decoded = mode == DECODED;
        boolean anywhere = mode == RAW_ANYWHERE;
        switch (b0) {
            case 0xFF:
                // JPEG SOI + marker; JPEG 2000 codestream FF4FFF51
                return at(b, off, len, 1, 0xD8, 0xFF) || at(b, off, len, 1, 0x4F, 0xFF, 0x51);
            case 0x89:
                return at(b, off, len, 1, 'P', 'N', 'G') || at(b, off, len, 1, 'M', 'N', 'G')
                    || at(b, off, len, 1, 'J', 'N', 'G') || at(b, off, len, 1, 'H', 'D', 'F');
            case 'G':
                if (anywhere) return false;
                return at(b, off, len, 1, 'I', 'F', '8', '7', 'a') || at(b, off, len, 1, 'I', 'F', '8', '9', 'a')
                    || (decoded && at(b, off, len, 1, 'I', 'F', '8'));
            case 'R':
                if (at(b, off, len, 1, 'a', 'r', '!', 0x1A, 0x07)) return true; // RAR
                if (anywhere) return false;
                if (at(b, off, len, 1, 'I', 'F', 'F')) {
                    if (decoded) return true;
                    return len >= 12 && (at(b, off, len, 8, 'W', 'E', 'B', 'P') || at(b, off, len, 8, 'A', 'V', 'I')
                        || at(b, off, len, 8, 'W', 'A', 'V', 'E') || at(b, off, len, 8, 'A', 'C', 'O', 'N')
                        || at(b, off, len, 8, 'C', 'D', 'X', 'A') || at(b, off, len, 8, 'R', 'M', 'I', 'D')
                        || at(b, off, len, 8, 'A', 'M', 'V', ' '));
                }
                return false;
            case 'B':
                // BMP: "BM", 4-byte size, 4 reserved zero bytes; bzip2 "BZh[1-9]" (+ block magic in raw text); BPG
                if (len >= 10 && (b[off + 1] == 'M' || b[off + 1] == 'A') && b[off + 6] == 0 && b[off + 7] == 0
                    && b[off + 8] == 0 && b[off + 9] == 0) {
                    return true;
                }
                if (at(b, off, len, 1, 'P', 'G', 0xFB)) return true;
                if (anywhere) return false;
                if (len >= 4 && b[off + 1] == 'Z' && b[off + 2] == 'h' && b[off + 3] >= '1' && b[off + 3] <= '9') {
                    return decoded || at(b, off, len, 4, '1', 'A', 'Y', '&', 'S', 'Y');
                }
                return false;
            case 'I':
                // TIFF little-endian (and BigTIFF, Canon CR2, Panasonic RW2, Olympus ORF)
                return at(b, off, len, 1, 'I', '*', 0x00) || at(b, off, len, 1, 'I', '+', 0x00)
                    || at(b, off, len, 1, 'I', 'U', 0x00) || at(b, off, len, 1, 'I', 'R', 'O')
                    || at(b, off, len, 1, 'I', 0x1A, 0x00, 0x00)
                    || (!anywhere && at(b, off, len, 1, 'D', '3') && len >= 4 && (b[off + 3] & 0xFF) <= 4);
            case 'M':
                // TIFF big-endian; MS cabinet
                return at(b, off, len, 1, 'M', 0x00, '*') || at(b, off, len, 1, 'M', 0x00, '+')
                    || (!anywhere && at(b, off, len, 1, 'S', 'C', 'F', 0x00));
            case 0x00:
                // ISO BMFF (MP4, MOV, HEIC/HEIF, AVIF, 3GP, JPEG XL container...) and old QuickTime atoms
                if (len >= 8 && b[off + 1] == 0 && (b[off + 2] & 0xFF) < 0x80) {
                    if (at(b, off, len, 4, 'f', 't', 'y', 'p') || at(b, off, len, 4, 'm', 'o', 'o', 'v')
                        || at(b, off, len, 4, 'm', 'd', 'a', 't') || at(b, off, len, 4, 'w', 'i', 'd', 'e')
                        || at(b, off, len, 4, 'p', 'n', 'o', 't') || at(b, off, len, 4, 'j', 'P', ' ', ' ')
                        || at(b, off, len, 4, 'J', 'X', 'L', ' ') || at(b, off, len, 4, 's', 'k', 'i', 'p')
                        || at(b, off, len, 4, 'f', 'r', 'e', 'e') || at(b, off, len, 4, 'u', 'u', 'i', 'd')) {
                        return true;
                    }
                }
                // ICO / CUR: reserved 0, type 1|2, image count 1..255
                if (len >= 6 && b[off + 1] == 0 && b[off + 2] == 0 && (b[off + 3] == 1 || b[off + 3] == 2)
                    && b[off + 4] != 0 && b[off + 5] == 0) {
                    return true;
                }
                // MPEG program stream / MPEG video sequence header
                return at(b, off, len, 1, 0x00, 0x01, 0xBA) || at(b, off, len, 1, 0x00, 0x01, 0xB3);
            case 0x1A:
                return at(b, off, len, 1, 0x45, 0xDF, 0xA3); // EBML: WebM, Matroska
            case '%':
                if (anywhere) return false;
                return decoded ? at(b, off, len, 1, 'P', 'D', 'F') || at(b, off, len, 1, '!', 'P', 'S')
                    : at(b, off, len, 1, 'P', 'D', 'F', '-') || at(b, off, len, 1, '!', 'P', 'S', '-', 'A', 'd', 'o', 'b', 'e');
            case 'P':
                return at(b, off, len, 1, 'K', 0x03, 0x04) || at(b, off, len, 1, 'K', 0x05, 0x06)
                    || at(b, off, len, 1, 'K', 0x07, 0x08);
            case 0x1F:
                return at(b, off, len, 1, 0x8B, 0x08) || at(b, off, len, 1, 0x9D) || at(b, off, len, 1, 0xA0);
            case '7':
                return at(b, off, len, 1, 'z', 0xBC, 0xAF, 0x27, 0x1C);
            case 0xFD:
                return at(b, off, len, 1, '7', 'z', 'X', 'Z', 0x00);
            case '(':
                return at(b, off, len, 1, 0xB5, 0x2F, 0xFD); // zstd
            case 0x04:
                return at(b, off, len, 1, 0x22, 0x4D, 0x18); // lz4
            case '8':
                return at(b, off, len, 1, 'B', 'P', 'S', 0x00); // Photoshop
            case 'O':
                return at(b, off, len, 1, 'g', 'g', 'S', 0x00);
            case 'F':
                return at(b, off, len, 1, 'L', 'V', 0x01) || (!anywhere && at(b, off, len, 1, 'U', 'J', 'I', 'F', 'I', 'L', 'M'))
                    || (!anywhere && decoded && at(b, off, len, 1, 'L', 'I', 'F'));
            case 0x30:
                return at(b, off, len, 1, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11); // ASF/WMV
            case 'i':
                return !anywhere && decoded && at(b, off, len, 1, 'c', 'n', 's');
            case 'f':
                return at(b, off, len, 1, 'L', 'a', 'C', 0x00);
            case 0xD0:
                return at(b, off, len, 1, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1); // OLE2 (doc, xls, msg)
            case '{':
                return !anywhere && at(b, off, len, 1, '\\', 'r', 't', 'f');
            case 0xC5:
                return at(b, off, len, 1, 0xD0, 0xD3, 0xC6); // EPS binary
            case 0xD7:
                return at(b, off, len, 1, 0xCD, 0xC6, 0x9A); // WMF
            case 0x01:
                return at(b, off, len, 1, 0x00, 0x00, 0x00) && len >= 44 && at(b, off, len, 40, ' ', 'E', 'M', 'F');
            case 'g':
                return !anywhere && at(b, off, len, 1, 'i', 'm', 'p', ' ', 'x', 'c', 'f');
            case 'A':
                return !anywhere && at(b, off, len, 1, 'T', '&', 'T', 'F', 'O', 'R', 'M');
            case 'q':
                return !anywhere && decoded && at(b, off, len, 1, 'o', 'i', 'f');
            case 'S':
                return !anywhere && at(b, off, len, 1, 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't');
            case 0x7F:
                return at(b, off, len, 1, 'E', 'L', 'F');
            case 'w':
                return at(b, off, len, 1, 'O', 'F', '2') || at(b, off, len, 1, 'O', 'F', 'F'); // never ASCII-raw-harmful
            case 'v':
                return at(b, off, len, 1, 0x2F, 0x31, 0x01); // OpenEXR
            case '#':
                return !anywhere && at(b, off, len, 1, '?', 'R', 'A', 'D', 'I', 'A', 'N', 'C', 'E');
            case '<':
                // SVG / XML / HTML carried inside an encoding (raw text markup is handled by the text inspector)
                return decoded && (atIgnoreCase(b, off, len, "<svg") || atIgnoreCase(b, off, len, "<?xml")
                    || atIgnoreCase(b, off, len, "<!doctype") || atIgnoreCase(b, off, len, "<html")
                    || atIgnoreCase(b, off, len, "<img"));
            case 0xEF:
                // UTF-8 BOM followed by markup
                return decoded && at(b, off, len, 1, 0xBB, 0xBF) && len > 3 && matches(b, off + 3, len - 3, mode);
            case 0xFE:
                return false;
            default:
                return false;
        }
    }

    private static boolean at(byte[] b, int off, int len, int pos, int... expect) {
        if (pos + expect.length > len) {
            return false;
        }
        for (int i = 0; i < expect.length; i++) {
            if ((b[off + pos + i] & 0xFF) != expect[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean atIgnoreCase(byte[] b, int off, int len, String s) {
        if (s.length() > len) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = b[off + i] & 0xFF;
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
