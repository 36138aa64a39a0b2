package uk.dsltriage.imageguard.scanner;

/**
 * Inspects one string (a JSON string value, a field name, or the concatenation of a container's short strings).
 *
 * <p>Not thread-safe: one instance per scan. Every pass is linear in the string length; decoders only look at a
 * bounded prefix at each candidate position, and nested decoding is bounded by
 * {@link ScannerPolicy#nestedDecodeBytes()} and {@link ScannerPolicy#maxNestLevel()}.
 *
 * <p>Never records, logs or returns any part of the text.
 */
final class TextInspector {

    // character classes (ASCII)
    private static final int C_B64 = 1;       // A-Z a-z 0-9 + / - _
    private static final int C_WS = 2;        // space, tab, CR, LF
    private static final int C_TRIG = 4;      // : ; / \ . < & % = [ (
    private static final int C_DIGIT = 8;
    private static final int C_HEX = 16;
    private static final int C_BOUND = 32;    // word boundary before a raw signature

    private static final int[] CC = new int[128];
    /** Class for transitions: 0 lower, 1 upper, 2 digit, 3 anything else. */
    private static final byte[] TCLS = new byte[128];
    /** base64 value: 0..63, -1 not in alphabet, -2 whitespace. '+' and '-' are 62, '/' and '_' are 63. */
    private static final byte[] B64 = new byte[128];
    private static final byte[] HEX = new byte[128];
    /** First two base64 characters (12 bits) that may start a signature / printable text. */
    private static final boolean[] B64_SIG = new boolean[4096];
    private static final boolean[] B64_TXT = new boolean[4096];
    /** Packed per-ASCII-character info for the hot loop: bits 0-1 transition class, bit 2 base64 alphabet. */
    private static final byte[] PK = new byte[128];
    private static final int PK_B64 = 4;
    /** Bit (previous class << 2 | class) set when the two are different members of lower/upper/digit. */
    private static final int TRANS_MASK;

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

    private final ScannerPolicy policy;
    private final DisguisedEncodingDetector disguised = new DisguisedEncodingDetector();
    private final OpacityStatistics opacity;
    private final byte[] probe = new byte[MediaSignatures.PROBE];
    private final int[] scratchInt = new int[1];
    private final int[] decimalInfo = new int[3];

    TextInspector(ScannerPolicy policy) {
        this.policy = policy;
        this.opacity = new OpacityStatistics(policy.opaqueRunChars());
    }

    /** @return the first finding, or null if the text is clean */
    RefusalReason inspect(char[] c, int off, int len) {
        return inspect(c, off, len, 0);
    }

    RefusalReason inspect(String s) {
        char[] a = s.toCharArray();
        return inspect(a, 0, a.length, 0);
    }

    /** One set of position lists per nesting level, reused across calls (cleared on entry). */
    private final Positions[][] positionsByLevel = new Positions[10][];
    /** Whether the last top-level string inspected contained whitespace (used to pick chunk candidates). */
    private boolean lastHadSpace;

    boolean lastHadSpace() {
        return lastHadSpace;
    }

    private Positions[] positions(int level) {
        Positions[] p = positionsByLevel[level];
        if (p == null) {
            p = new Positions[] {new Positions(), new Positions(), new Positions(), new Positions(), new Positions()};
            positionsByLevel[level] = p;
        }
        for (Positions x : p) {
            x.n = 0;
        }
        return p;
    }

    /** Growable int list (positions); one per nesting level so nested inspection cannot clobber it. */
    private static final class Positions {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    private RefusalReason inspect(char[] c, int off, int len, int level) {
        if (len <= 0) {
            return null;
        }
        final int end = off + len;
        final Positions[] mine = positions(level);
        final Positions trig = mine[0];           // : ; / \ . < & % = [ ( and full-width look-alikes
        final Positions seg = mine[1];            // segment starts worth decoding
        final Positions word = mine[2];           // word starts that may carry an ASCII file signature
        final Positions longRuns = mine[3];       // [start, end) pairs of long runs without whitespace
        final Positions bin = mine[4];            // control or U+0080..U+00FF characters
        final int minRun = Math.min(policy.maxDigitRun(), policy.maxContiguousRun());

        // ---- pass 1 (the only pass over every character): classes, triggers, candidates, and the sliding
        //      window of recent base64-alphabet words for the opaque-run rule
        int ctrl = 0;
        int fffd = 0;
        int lastWs = off - 1;
        boolean prevBound = true;
        boolean opaqueHit = false;
        final int w = policy.opaqueRunChars();
        int aLen = 0;
        int aDig = 0;
        int aTr = 0;
        int bSkip = w / 2;
        int bLen = 0;
        int bDig = 0;
        int bTr = 0;
        int i = off;
        while (i < end) {
            char ch = c[i];
            if (ch < 0x80) {
                int f = CC[ch];
                if ((f & C_B64) != 0) {
                    // ---- a segment (maximal run of base64-alphabet characters) starts at i
                    if (prevBound && i + 1 < end && c[i + 1] <= 0xFF && MediaSignatures.possibleFirstTwo(ch, c[i + 1])) {
                        word.add(i);
                    }
                    // consume the segment: alnum count, digits, class transitions, '/' triggers (branch-free)
                    final int start = i;
                    final char first = ch;
                    int alnum = 0;
                    int dig = 0;
                    int tr = 0;
                    int prevCls = 3;
                    while (true) {
                        int cls = PK[ch] & 3;
                        alnum += (7 >>> cls) & 1;
                        dig += (4 >>> cls) & 1;
                        tr += (TRANS_MASK >>> ((prevCls << 2) | cls)) & 1;
                        if (ch == '/') {
                            trig.add(i);
                        }
                        prevCls = cls;
                        if (++i >= end) {
                            break;
                        }
                        ch = c[i];
                        if (ch >= 0x80 || (PK[ch] & PK_B64) == 0) {
                            break;
                        }
                    }
                    // decoding candidates, decided now that the segment length is known
                    int segLen = i - start;
                    if (segLen >= 2) {
                        char n1 = c[start + 1];
                        int v = (B64[first] << 6) | B64[n1];
                        if (B64_SIG[v] || (B64_TXT[v] && segLen >= 8)) {
                            seg.add(start);
                        } else if ((f & C_HEX) != 0 && (CC[n1] & C_HEX) != 0
                            && hexCandidate((HEX[first] << 4) | HEX[n1], c, start + 2, end)) {
                            seg.add(start);
                        } else if ((f & C_DIGIT) != 0 && (decimalListAhead(c, start, end)
                            || (first == '0' && (n1 == 'x' || n1 == 'X')))) {
                            seg.add(start);
                        }
                    } else if ((f & C_DIGIT) != 0 && decimalListAhead(c, start, end)) {
                        seg.add(start);
                    }
                    prevBound = false;
                    if (alnum >= 4 && !opaqueHit && (segLen < 32 || !excludedShape(c, start, i))) {
                        // two block accumulators staggered by half a window: any opaque stretch of 1.5 windows
                        // fills one block on its own
                        aLen += alnum;
                        aDig += dig;
                        aTr += tr;
                        if (aLen >= w) {
                            opaqueHit = aTr * 10 >= aLen * 3 && aDig * 20 >= aLen;
                            aLen = 0;
                            aDig = 0;
                            aTr = 0;
                        }
                        if (bSkip > 0) {
                            bSkip -= alnum;
                        } else {
                            bLen += alnum;
                            bDig += dig;
                            bTr += tr;
                            if (bLen >= w) {
                                opaqueHit |= bTr * 10 >= bLen * 3 && bDig * 20 >= bLen;
                                bLen = 0;
                                bDig = 0;
                                bTr = 0;
                            }
                        }
                    }
                    continue;
                }
                if ((f & C_WS) != 0) {
                    if (i - lastWs - 1 >= minRun) {
                        longRuns.add(lastWs + 1);
                        longRuns.add(i);
                    }
                    lastWs = i;
                } else {
                    if ((f & C_TRIG) != 0) {
                        trig.add(i);
                    } else if (ch < 0x20 || ch == 0x7F) {
                        ctrl++;
                        bin.add(i);
                    }
                    if (prevBound && MediaSignatures.possibleFirst(ch) && i + 1 < end && c[i + 1] <= 0xFF
                        && MediaSignatures.possibleFirstTwo(ch, c[i + 1])) {
                        word.add(i);
                    }
                }
                prevBound = (f & C_BOUND) != 0;
            } else {
                if (ch <= 0xFF) {
                    bin.add(i);
                    if (ch <= 0x9F) {
                        ctrl++;
                    }
                    if (prevBound && MediaSignatures.possibleFirst(ch) && i + 1 < end && c[i + 1] <= 0xFF
                        && MediaSignatures.possibleFirstTwo(ch, c[i + 1])) {
                        word.add(i);
                    }
                    prevBound = ch == 0xA0;
                } else {
                    prevBound = false;
                    if (ch == 0xFFFD) {
                        fffd++;
                    } else if ((ch >= 0xFE00 || ch == 0x3002) && fullwidthTrigger(ch)) {
                        trig.add(i);
                    }
                }
            }
            i++;
        }
        if (end - lastWs - 1 >= minRun) {
            longRuns.add(lastWs + 1);
            longRuns.add(end);
        }
        if (level == 0) {
            lastHadSpace = lastWs >= off;
        }

        if (ctrl >= policy.controlCharLimit() || fffd >= policy.replacementCharLimit()) {
            return RefusalReason.BINARY_CONTENT;
        }

        // ---- raw file signatures carried as characters
        for (int k = 0; k < word.n; k++) {
            int n = fillLatin1(c, word.a[k], end);
            if (MediaSignatures.matches(probe, 0, n, MediaSignatures.RAW_WORD)) {
                return RefusalReason.BINARY_CONTENT;
            }
        }
        if (bin.n > 0) {
            RefusalReason r = rawAnywhere(c, off, end, bin);
            if (r != null) {
                return r;
            }
        }

        // ---- data: URIs
        if (trig.n > 0) {
            RefusalReason r = dataUri(c, off, end, trig);
            if (r != null) {
                return r;
            }
        }

        // ---- encoded media at segment starts (base64, base64url, hex, decimal byte lists) incl. nesting
        if (seg.n > 0) {
            RefusalReason r = encodedSegments(c, off, end, level, seg);
            if (r != null) {
                return r;
            }
        }

        if (trig.n > 0) {
            // ---- escaped bytes: %FF, =FF, \xFF, \\u00FF, &#255; &#xFF;
            RefusalReason r = escapedBytes(c, off, end, level, trig);
            if (r != null) {
                return r;
            }
            // ---- markup
            r = markup(c, off, end, trig);
            if (r != null) {
                return r;
            }
            // ---- URLs
            r = url(c, off, end, trig);
            if (r != null) {
                return r;
            }
        }

        // ---- long opaque runs
        if (opaqueHit) {
            return RefusalReason.OPAQUE_ENCODED_RUN;
        }
        for (int k = 0; k < longRuns.n; k += 2) {
            RefusalReason r = longRuns(c, longRuns.a[k], longRuns.a[k + 1]);
            if (r != null) {
                return r;
            }
        }
        // ---- with separators, zero-width and other filler taken out
        RefusalReason r = disguised.inspect(c, off, end);
        return r != null ? r : opacity.inspect(c, off, end);
    }

    /** Hex worth decoding: a possible signature byte, or printable text (nested encodings) with more hex after. */
    private static boolean hexCandidate(int b0, char[] c, int j, int end) {
        if (MediaSignatures.possibleFirst(b0)) {
            return true;
        }
        return b0 >= 0x20 && b0 < 0x7F && j + 1 < end && isHexChar(c[j]) && isHexChar(c[j + 1]);
    }

    /** Does a decimal byte list ("255, 216, 255") start at i: up to 3 digits, 1-3 separators, a digit? */
    private static boolean decimalListAhead(char[] c, int i, int end) {
        int j = i;
        while (j < end && j - i < 4 && c[j] >= '0' && c[j] <= '9') {
            j++;
        }
        if (j - i > 3) {
            return false;
        }
        int s = j;
        while (j < end && j - s < 3 && (c[j] == ' ' || c[j] == ',' || c[j] == ';' || c[j] == '\n' || c[j] == '\r'
            || c[j] == '\t')) {
            j++;
        }
        return j > s && j < end && c[j] >= '0' && c[j] <= '9';
    }

    private static boolean fullwidthTrigger(char ch) {
        return ch == 0xFF0E || ch == 0xFF0F || ch == 0xFF1A || ch == 0xFF1C || ch == 0xFE52 || ch == 0x3002
            || ch == 0xFE64 || ch == 0xFF3C;
    }

    // =====================================================================================================
    // Raw signatures anywhere (strings that contain control or Latin-1 characters)

    /**
     * Every strong signature has a control or non-ASCII byte within its first {@link #STRONG_REACH} bytes, so only
     * positions just before such characters need checking.
     */
    private static final int STRONG_REACH = 8;

    private RefusalReason rawAnywhere(char[] c, int off, int end, Positions bin) {
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

    // =====================================================================================================
    // data: URIs

    private static RefusalReason dataUri(char[] c, int off, int end, Positions trig) {
        for (int q = 0; q < trig.n; q++) {
            int i = trig.a[q];
            char ch = c[i];
            if (ch == ':' || ch == 0xFF1A) {
                if (i - 4 >= off && lower(c[i - 4]) == 'd' && lower(c[i - 3]) == 'a' && lower(c[i - 2]) == 't'
                    && lower(c[i - 1]) == 'a' && (i - 5 < off || !isAsciiAlnum(c[i - 5]))) {
                    int j = i + 1;
                    int spaces = 0;
                    while (j < end && c[j] == ' ' && spaces < 2) {
                        j++;
                        spaces++;
                    }
                    if (j < end && (c[j] == ',' || c[j] == ';') && spaces == 0) {
                        return RefusalReason.DATA_URI;
                    }
                    // type/subtype
                    int t = j;
                    while (t < end && isMediaTypeChar(c[t])) {
                        t++;
                    }
                    if (t > j && t < end && c[t] == '/') {
                        int s = t + 1;
                        int u = s;
                        while (u < end && isMediaTypeChar(c[u])) {
                            u++;
                        }
                        if (u > s && (spaces == 0 || (u < end && (c[u] == ';' || c[u] == ',')))) {
                            return RefusalReason.DATA_URI;
                        }
                    }
                }
            } else if (ch == ';') {
                // ";base64," marker on its own (media type stripped)
                if (i + 7 < end && lower(c[i + 1]) == 'b' && lower(c[i + 2]) == 'a' && lower(c[i + 3]) == 's'
                    && lower(c[i + 4]) == 'e' && c[i + 5] == '6' && c[i + 6] == '4' && c[i + 7] == ',') {
                    return RefusalReason.DATA_URI;
                }
            }
        }
        return null;
    }

    private static boolean isMediaTypeChar(char ch) {
        return ch < 0x80 && (isAsciiAlnum(ch) || ch == '!' || ch == '#' || ch == '$' || ch == '&' || ch == '^'
            || ch == '_' || ch == '.' || ch == '+' || ch == '-');
    }

    // =====================================================================================================
    // Encoded segments

    private RefusalReason encodedSegments(char[] c, int off, int end, int level, Positions seg) {
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
                    RefusalReason r = nested(full, m, level);
                    if (r != null) {
                        return r;
                    }
                }
            }
            // -- hex (contiguous, or grouped with separators, optional 0x prefixes)
            if (HEX[ch] >= 0) {
                int h = decodeHex(c, i, end, probe);
                if (h >= 3) {
                    if (MediaSignatures.matches(probe, 0, h, MediaSignatures.DECODED)) {
                        return RefusalReason.ENCODED_MEDIA;
                    }
                    if (level < policy.maxNestLevel() && h >= 12 && i >= hexNestedCovered && printable(probe, 12)) {
                        byte[] full = new byte[policy.nestedDecodeBytes()];
                        int[] consumed = new int[1];
                        int m = decodeHexFull(c, i, end, full, consumed);
                        hexNestedCovered = consumed[0];
                        RefusalReason r = nested(full, m, level);
                        if (r != null) {
                            return r;
                        }
                    }
                }
            }
            // -- decimal byte lists: "255, 216, 255, 224"
            if (ch >= '0' && ch <= '9' && i >= decimalCovered) {
                int[] info = decimalList(c, i, end, probe);
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

    /** Re-inspect decoded bytes as text (Latin-1), one level deeper. Findings become ENCODED_MEDIA except URLs
     *  and data: URIs, which keep their own reason. */
    private RefusalReason nested(byte[] bytes, int n, int level) {
        if (n <= 0) {
            return null;
        }
        if (MediaSignatures.matches(bytes, 0, n, MediaSignatures.DECODED)) {
            return RefusalReason.ENCODED_MEDIA;
        }
        char[] text = new char[n];
        for (int k = 0; k < n; k++) {
            text[k] = (char) (bytes[k] & 0xFF);
        }
        RefusalReason r = inspect(text, 0, n, level + 1);
        if (r == null) {
            return null;
        }
        switch (r) {
            case URL:
            case DATA_URI:
                return r;
            default:
                return RefusalReason.ENCODED_MEDIA;
        }
    }

    private static boolean printable(byte[] b, int n) {
        for (int k = 0; k < n; k++) {
            int x = b[k] & 0xFF;
            if ((x < 0x20 && x != '\n' && x != '\r' && x != '\t') || x >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Decodes base64/base64url from {@code i}, skipping whitespace, stopping at any other character, '=' or
     *  when {@code max} bytes are produced. @return bytes produced */
    private static int decodeBase64(char[] c, int i, int end, byte[] out, int max) {
        return decodeBase64(c, i, end, out, max, null);
    }

    private static int decodeBase64Full(char[] c, int i, int end, byte[] out, int[] consumed) {
        return decodeBase64(c, i, end, out, out.length, consumed);
    }

    /** The one base64 decoder; {@code consumed[0]}, when given, receives the index where decoding stopped. */
    private static int decodeBase64(char[] c, int i, int end, byte[] out, int max, int[] consumed) {
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
    private int decodeHex(char[] c, int i, int end, byte[] out) {
        return decodeHexInto(c, i, end, out, out.length, scratchInt);
    }

    private static int decodeHexFull(char[] c, int i, int end, byte[] out, int[] consumed) {
        return decodeHexInto(c, i, end, out, out.length, consumed);
    }

    private static int decodeHexInto(char[] c, int i, int end, byte[] out, int max, int[] consumed) {
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

    private static boolean isHexChar(char ch) {
        return ch < 0x80 && HEX[ch] >= 0;
    }

    /** @return {bytes stored in out, numbers counted, end position} */
    private int[] decimalList(char[] c, int i, int end, byte[] out) {
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

    // =====================================================================================================
    // Escaped bytes inside a token

    private RefusalReason escapedBytes(char[] c, int off, int end, int level, Positions trig) {
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
                RefusalReason r = nested(buf, n, level);
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == 0xA0;
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

    // =====================================================================================================
    // Markup

    private static final String[] STRONG_TAGS = {"svg", "?xml", "!doctype", "html", "iframe", "object", "embed",
        "canvas", "picture", "script", "frameset", "math", "xml", "body", "head", "style", "frame", "applet", "bgsound"};
    private static final String[] ATTR_TAGS = {"img", "image", "video", "audio", "source", "a", "link", "meta",
        "base", "input", "track", "use", "feimage", "div", "span", "p", "table", "td", "form"};

    private static RefusalReason markup(char[] c, int off, int end, Positions trig) {
        for (int t = 0; t < trig.n; t++) {
            int i = trig.a[t];
            int lt = ltLength(c, i, end);
            if (lt == 0) {
                continue;
            }
            int j = i + lt;
            if (j < end && c[j] == '/') {
                j++;
            }
            int nameStart = j;
            if (j < end && (c[j] == '?' || c[j] == '!')) {
                j++;
            }
            while (j < end && j - nameStart < 12 && (isAsciiLetter(c[j]) || (j > nameStart && c[j] == ':'))) {
                j++;
            }
            int nameEnd = j;
            if (nameEnd == nameStart) {
                continue;
            }
            boolean terminated = j >= end || isSpace(c[j]) || c[j] == '>' || c[j] == '/' || gtLength(c, j, end) > 0;
            if (!terminated) {
                continue;
            }
            if (tagIn(c, nameStart, nameEnd, STRONG_TAGS)) {
                return RefusalReason.MARKUP;
            }
            if (tagIn(c, nameStart, nameEnd, ATTR_TAGS) && hasAttribute(c, nameEnd, end)) {
                return RefusalReason.MARKUP;
            }
        }
        return null;
    }

    private static int ltLength(char[] c, int i, int end) {
        char ch = c[i];
        if (ch == '<' || ch == 0xFF1C || ch == 0xFE64) {
            return 1;
        }
        if (ch == '&') {
            if (regionLower(c, i, end, "&lt;")) return 4;
            if (regionLower(c, i, end, "&#60;")) return 5;
            if (regionLower(c, i, end, "&#x3c;")) return 6;
            if (regionLower(c, i, end, "&#060;")) return 6;
        }
        return 0;
    }

    private static int gtLength(char[] c, int i, int end) {
        if (c[i] == '>') return 1;
        if (regionLower(c, i, end, "&gt;")) return 4;
        return 0;
    }

    private static boolean hasAttribute(char[] c, int from, int end) {
        int limit = Math.min(end, from + 512);
        for (int k = from; k < limit; k++) {
            char ch = c[k];
            if (ch == '>' || ch == '<') {
                return false;
            }
            if (ch == '=' && k > from && isAsciiLetter(c[k - 1])) {
                return true;
            }
            if (ch == '=' && k > from + 1 && c[k - 1] == ' ' && isAsciiLetter(c[k - 2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean tagIn(char[] c, int s, int e, String[] tags) {
        int n = e - s;
        outer:
        for (String t : tags) {
            if (t.length() != n) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (lower(c[s + k]) != t.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // =====================================================================================================
    // URLs

    private static final java.util.Set<String> GTLDS = java.util.Set.of(
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev", "io",
        "xyz", "top", "site", "online", "store", "shop", "club", "live", "life", "world", "tech", "blog", "news",
        "media", "video", "photo", "photos", "pics", "pictures", "gallery", "porn", "sex", "xxx", "adult", "cam",
        "dating", "tube", "link", "click", "page", "one", "fun", "chat", "social", "space", "website", "cloud",
        "host", "icu", "vip", "win", "bid", "stream", "download", "zip", "mov", "lol", "wtf", "sexy", "hot",
        "love", "girl", "boy", "kids", "school", "academy", "education", "onion", "network", "email", "family",
        "games", "game", "exposed", "agency", "digital", "art", "gay", "ooo", "rip", "im", "ai", "aero", "asia",
        "cat", "coop", "jobs", "museum", "tel", "travel", "wales", "cymru", "london", "scot", "uk", "eu",
        // country codes common in links and shorteners (matched in any case)
        "ly", "co", "me", "gd", "tt", "gl", "tv", "cc", "ws", "gg", "us", "ru", "nz", "au", "ca", "ie", "la",
        "sh", "su", "fm", "de", "fr", "es", "nl", "pl", "cn", "jp", "kr", "br", "mx", "za", "ro");

    private RefusalReason url(char[] c, int off, int end, Positions trig) {
        for (int t = 0; t < trig.n; t++) {
            int i = trig.a[t];
            char ch = norm(c[i]);
            if (ch == '/' || ch == '\\') {
                // scheme://  (also ":\\", "[:]//" and protocol-relative //host.tld)
                if (i + 1 < end && (norm(c[i + 1]) == '/' || norm(c[i + 1]) == '\\') && (ch == '/' || c[i + 1] == '\\')) {
                    int b = i - 1;
                    if (b >= off && norm(c[b]) == ':') {
                        b--;
                    } else if (b - 2 >= off && c[b] == ']' && c[b - 1] == ':' && c[b - 2] == '[') {
                        b -= 3;
                    }
                    if (b < i - 1 && b >= off && isAsciiLetterOrDigit(c[b])) {
                        return RefusalReason.URL;
                    }
                    if (b == i - 1 && hostAfter(c, i + 2, end)) {
                        return RefusalReason.URL; // //host.tld...
                    }
                }
                if (ch == '/' && policy.refuseDomainWithPath() && i + 1 < end && !isSpace(c[i + 1]) && hostBefore(c, off, i)) {
                    return RefusalReason.URL;
                }
            } else if (ch == ':' && i + 1 < end && c[i + 1] >= '0' && c[i + 1] <= '9' && ipv4Before(c, off, i)) {
                return RefusalReason.URL; // 1.2.3.4:8080
            } else if (ch == '.' || c[i] == '[' || c[i] == '(') {
                int dl = dotLength(c, i, end);
                if (dl > 0 && i - 3 >= off && lower(c[i - 3]) == 'w' && lower(c[i - 2]) == 'w' && lower(c[i - 1]) == 'w'
                    && (i - 4 < off || !isAsciiLetterOrDigit(c[i - 4])) && i + dl < end && isAsciiLetterOrDigit(c[i + dl])) {
                    return RefusalReason.URL;
                }
            }
        }
        return null;
    }

    private static char norm(char ch) {
        switch (ch) {
            case 0xFF0F: return '/';
            case 0xFF1A: return ':';
            case 0xFF0E: case 0x3002: case 0xFE52: return '.';
            case 0xFF3C: return '\\';
            default: return ch;
        }
    }

    private static int dotLength(char[] c, int i, int end) {
        char ch = norm(c[i]);
        if (ch == '.') {
            return 1;
        }
        if (i + 2 < end && c[i + 1] == '.' && ((ch == '[' && c[i + 2] == ']') || (ch == '(' && c[i + 2] == ')')
            || (ch == '{' && c[i + 2] == '}'))) {
            return 3;
        }
        return 0;
    }

    /** Is c[off..slash) ending in host.tld (or an IPv4 address)? Walks back over host characters only. */
    private static boolean hostBefore(char[] c, int off, int slash) {
        int k = slash - 1;
        int labels = 0;
        int tldStart = -1;
        int tldEnd = slash;
        int labelEnd = slash;
        boolean allNumeric = true;
        int numericLabels = 0;
        while (k >= off) {
            char ch = c[k];
            if (isAsciiLetterOrDigit(ch) || ch == '-') {
                k--;
                continue;
            }
            int dl = 0;
            if (norm(ch) == '.') {
                dl = 1;
            } else if (k - 2 >= off && (ch == ']' || ch == ')' || ch == '}') && c[k - 1] == '.') {
                dl = 3;
            }
            if (dl == 0) {
                break;
            }
            int labelStart = k + 1;
            if (labelStart >= labelEnd) {
                return false; // empty label
            }
            if (labels == 0) {
                tldStart = labelStart;
                tldEnd = labelEnd;
            }
            if (isNumeric(c, labelStart, labelEnd)) numericLabels++; else allNumeric = false;
            labels++;
            k -= dl;
            labelEnd = k + 1;
            if (labels > 126) {
                return false;
            }
        }
        int firstStart = k + 1;
        if (labels == 0 || firstStart >= labelEnd) {
            return false;
        }
        if (isNumeric(c, firstStart, labelEnd)) numericLabels++; else allNumeric = false;
        labels++;
        if (allNumeric) {
            return labels == 4 && numericLabels == 4; // IPv4 with a path
        }
        return isTld(c, tldStart, tldEnd);
    }

    private static boolean hostAfter(char[] c, int from, int end) {
        int k = from;
        int dots = 0;
        int lastLabelStart = from;
        while (k < end) {
            char ch = c[k];
            if (isAsciiLetterOrDigit(ch) || ch == '-') {
                k++;
            } else if (norm(ch) == '.') {
                dots++;
                k++;
                lastLabelStart = k;
            } else {
                break;
            }
        }
        return dots > 0 && k > lastLabelStart && isTld(c, lastLabelStart, k);
    }

    private static boolean ipv4Before(char[] c, int off, int colon) {
        int k = colon - 1;
        int dots = 0;
        int digits = 0;
        while (k >= off) {
            char ch = c[k];
            if (ch >= '0' && ch <= '9') {
                digits++;
                if (digits > 3) return false;
            } else if (ch == '.') {
                if (digits == 0) return false;
                dots++;
                digits = 0;
            } else {
                break;
            }
            k--;
        }
        return dots == 3 && digits > 0;
    }

    private static boolean isTld(char[] c, int s, int e) {
        int n = e - s;
        if (n < 2 || n > 24) {
            return false;
        }
        for (int k = s; k < e; k++) {
            if (!isAsciiLetter(c[k])) {
                return false;
            }
        }
        char[] t = new char[n];
        boolean allLower = true;
        for (int k = 0; k < n; k++) {
            t[k] = lower(c[s + k]);
            allLower &= t[k] == c[s + k];
        }
        if (GTLDS.contains(new String(t))) {
            return true;
        }
        // any other two-letter country code, when written in lower case as links are ("Ms.Li/..." is a name)
        return n == 2 && allLower;
    }

    private static boolean isNumeric(char[] c, int s, int e) {
        if (e <= s || e - s > 3) {
            return false;
        }
        for (int k = s; k < e; k++) {
            if (c[k] < '0' || c[k] > '9') {
                return false;
            }
        }
        return true;
    }

    // =====================================================================================================
    // Opaque runs

    /**
     * Contiguous runs: base64-alphabet (not a repeated pattern), decimal digits, dense printable ASCII. A run of
     * letters only is never opaque, however long: plain prose typed without spaces is not an image.
     */
    private RefusalReason longRuns(char[] c, int off, int end) {
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

    /** UUIDs and plain hex digests (MD5, SHA-1, SHA-224/256/384/512) are legitimate reference values. */
    private static boolean excludedShape(char[] c, int s, int e) {
        int n = e - s;
        if (n == 36 && c[s + 8] == '-' && c[s + 13] == '-' && c[s + 18] == '-' && c[s + 23] == '-') {
            for (int k = s; k < e; k++) {
                int rel = k - s;
                if (rel == 8 || rel == 13 || rel == 18 || rel == 23) continue;
                if (!isHexChar(c[k])) return false;
            }
            return true;
        }
        if (n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128) {
            boolean upper = false;
            boolean lowerSeen = false;
            for (int k = s; k < e; k++) {
                char x = c[k];
                if (!isHexChar(x)) return false;
                if (x >= 'a') lowerSeen = true; else if (x >= 'A') upper = true;
            }
            return !(upper && lowerSeen);
        }
        return false;
    }

    // =====================================================================================================

    private static boolean regionLower(char[] c, int i, int end, String s) {
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

    private static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    private static boolean isAsciiAlnum(char ch) {
        return isAsciiLetter(ch) || (ch >= '0' && ch <= '9');
    }

    private static boolean isAsciiLetterOrDigit(char ch) {
        return isAsciiAlnum(ch);
    }
}
