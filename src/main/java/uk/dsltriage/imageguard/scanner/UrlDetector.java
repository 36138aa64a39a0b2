package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/**
 * Links to where an image can be fetched: {@code scheme://}, protocol-relative {@code //host.tld}, {@code www.},
 * an IPv4 address with a port, a bare {@code host.tld/path} (switchable by
 * {@link ScannerPolicy#refuseDomainWithPath()}), also defanged ({@code [.]}, {@code [:]}) or in full-width forms.
 */
final class UrlDetector implements CandidateDetector {

    private final ScannerPolicy policy;

    UrlDetector(ScannerPolicy policy) {
        this.policy = policy;
    }

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

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        Candidates.Positions trig = found.trig;
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
}
