package uk.dsltriage.imageguard;

import java.util.Locale;

/**
 * Judges a raw {@code Content-Type} header without the framework's parser, which throws on malformed values (and
 * an exception there used to become a 500). The contract is UTF-8 JSON: {@code application/json}, optionally with
 * {@code charset=utf-8}, and nothing else.
 */
final class JsonMediaType {

    /** Longer headers are refused unread: a media type this service accepts is 31 characters at most. */
    private static final int MAX_LENGTH = 100;

    enum Verdict { JSON, NOT_UTF8_JSON, NOT_JSON }

    private JsonMediaType() {
    }

    static Verdict judge(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return Verdict.NOT_JSON;
        }
        String[] parts = header.split(";", -1);
        if (!"application/json".equals(parts[0].strip().toLowerCase(Locale.ROOT))) {
            return Verdict.NOT_JSON;
        }
        if (parts.length == 1) {
            return Verdict.JSON;
        }
        if (parts.length > 2) {
            return Verdict.NOT_JSON;
        }
        String parameter = parts[1].strip();
        int equals = parameter.indexOf('=');
        if (equals < 0 || !"charset".equals(parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT))) {
            return Verdict.NOT_JSON;
        }
        String value = unquote(parameter.substring(equals + 1).strip());
        return "utf-8".equals(value.toLowerCase(Locale.ROOT)) ? Verdict.JSON : Verdict.NOT_UTF8_JSON;
    }

    /** {@code application/x-www-form-urlencoded}, with no charset or charset UTF-8. */
    static boolean isUrlEncodedForm(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return false;
        }
        String[] parts = header.split(";", -1);
        if (!"application/x-www-form-urlencoded".equals(parts[0].strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (parts.length == 1) {
            return true;
        }
        if (parts.length > 2) {
            return false;
        }
        String parameter = parts[1].strip();
        int equals = parameter.indexOf('=');
        return equals > 0 && "charset".equals(parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT))
                && "utf-8".equals(unquote(parameter.substring(equals + 1).strip()).toLowerCase(Locale.ROOT));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
