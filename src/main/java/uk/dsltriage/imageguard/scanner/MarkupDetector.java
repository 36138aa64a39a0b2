package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/**
 * Markup that can carry or fetch an image: a strong tag ({@code <svg}, {@code <html}, {@code <iframe}, ...) or an
 * attribute-bearing one ({@code <img src=}, {@code <a href=}), also written with entities or full-width brackets.
 */
final class MarkupDetector implements CandidateDetector {

    private static final String[] STRONG_TAGS = {"svg", "?xml", "!doctype", "html", "iframe", "object", "embed",
        "canvas", "picture", "script", "frameset", "math", "xml", "body", "head", "style", "frame", "applet", "bgsound"};
    private static final String[] ATTR_TAGS = {"img", "image", "video", "audio", "source", "a", "link", "meta",
        "base", "input", "track", "use", "feimage", "div", "span", "p", "table", "td", "form"};

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        Candidates.Positions trig = found.trig;
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
}
