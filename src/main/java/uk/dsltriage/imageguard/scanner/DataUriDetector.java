package uk.dsltriage.imageguard.scanner;

import static uk.dsltriage.imageguard.scanner.CharTables.*;

/** {@code data:} URIs (any media type, also with spaces or full-width colons) and a bare {@code ;base64,} marker. */
final class DataUriDetector implements CandidateDetector {

    @Override
    public RefusalReason inspect(char[] c, int off, int end, Candidates found, int level) {
        return dataUri(c, off, end, found.trig);
    }

    private static RefusalReason dataUri(char[] c, int off, int end, Candidates.Positions trig) {
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
}
