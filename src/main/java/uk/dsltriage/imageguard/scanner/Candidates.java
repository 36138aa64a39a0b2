package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/**
 * The scanner's one pass over every character of a string: it counts control and replacement characters, keeps the
 * positions each detector starts from (triggers, encoded segments, word starts, long runs, binary characters) and
 * runs the sliding window of the opaque-run rule. Detectors then look only at those positions, so a string costs one
 * pass plus bounded work per candidate. One instance per nesting level, reused (cleared on each {@link #collect}).
 */
final class Candidates {

    /** Growable int list (positions). */
    static final class Positions {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    /** : ; / \ . < & % = [ ( and full-width look-alikes. */
    final Positions trig = new Positions();
    /** Segment starts worth decoding. */
    final Positions seg = new Positions();
    /** Word starts that may carry an ASCII file signature. */
    final Positions word = new Positions();
    /** [start, end) pairs of long runs without whitespace. */
    final Positions longRuns = new Positions();
    /** Control or U+0080..U+00FF characters. */
    final Positions bin = new Positions();
    int ctrl;
    int fffd;
    /** A window of base64-alphabet words looked opaque (class transitions and digits). */
    boolean opaqueHit;
    /** Whether the string contained whitespace. */
    boolean hadSpace;

    private final ScannerPolicy policy;

    Candidates(ScannerPolicy policy) {
        this.policy = policy;
    }

    Candidates collect(char[] c, int off, int end) {
        trig.n = 0;
        seg.n = 0;
        word.n = 0;
        longRuns.n = 0;
        bin.n = 0;
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
        this.ctrl = ctrl;
        this.fffd = fffd;
        this.opaqueHit = opaqueHit;
        this.hadSpace = lastWs >= off;
        return this;
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
}
