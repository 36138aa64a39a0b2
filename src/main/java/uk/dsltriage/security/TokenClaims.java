package uk.dsltriage.security;

import jakarta.json.JsonString;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the claims that identify a caller, strictly. The caller's id is the token's {@code sub} and nothing else
 * (never {@code upn} or {@code preferred_username}); an identifying claim that is missing, not a string, blank, too
 * long or holds anything but visible ASCII is unusable, and the token is refused rather than guessed at.
 */
public final class TokenClaims {

    /** OpenID Connect Core 1.0 §2: a subject is at most 255 ASCII characters. Whitespace and controls are refused. */
    static final int MAX_SUBJECT = 255;
    static final int MAX_ISSUER = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private TokenClaims() {
    }

    public static Optional<String> subject(JsonWebToken token) {
        return bounded(token, "sub", MAX_SUBJECT);
    }

    public static Optional<String> issuer(JsonWebToken token) {
        return bounded(token, "iss", MAX_ISSUER);
    }

    /** Both identifying claims are usable: the token may act. */
    public static boolean identifies(JsonWebToken token) {
        return subject(token).isPresent() && issuer(token).isPresent();
    }

    /** A string claim, as sent (never trimmed): absent when missing, not a string, or not a bounded visible value. */
    public static Optional<String> bounded(JsonWebToken token, String name, int maxLength) {
        return text(token, name).filter(v -> v.length() <= maxLength && VISIBLE_ASCII.matcher(v).matches());
    }

    /** A claim as text when it is a JSON string; anything else (number, array, object) is absent. */
    static Optional<String> text(JsonWebToken token, String name) {
        if (token == null) {
            return Optional.empty();
        }
        Object value;
        try {
            value = token.getClaim(name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (value instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
