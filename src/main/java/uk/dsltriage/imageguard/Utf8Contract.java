package uk.dsltriage.imageguard;

/**
 * Recognises a body that is not plain UTF-8 JSON although it was sent as {@code application/json}: a byte-order
 * mark (UTF-8, UTF-16, UTF-32) or the NUL bytes that UTF-16 and UTF-32 put around an ASCII first character. The
 * contract is UTF-8 without a BOM, so these are refused (415) rather than decoded.
 */
final class Utf8Contract {

    private Utf8Contract() {
    }

    static boolean isForeignEncoding(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return true;
        }
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
