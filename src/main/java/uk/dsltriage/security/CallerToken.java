package uk.dsltriage.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The one token a caller's identity and claims are read from: the ACCESS token, for both OIDC tenants. With a bearer
 * token (the API) the identity's principal is that access token. With the console's code flow the principal is the
 * ID token, which carries neither {@code school_urn}, {@code la_code} nor roles; the access token then comes from the
 * identity's {@link AccessTokenCredential}, which Quarkus has already verified (the console tenant sets
 * {@code authentication.verify-access-token}), so it is only decoded here.
 */
public final class CallerToken {

    private CallerToken() {
    }

    /** The caller's access token, or empty for an anonymous identity or one without a usable JWT access token. */
    public static Optional<JsonWebToken> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Principal principal = identity.getPrincipal();
        if (!isIdToken(principal)) {
            return principal instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
        }
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        if (access == null || access.getToken() == null || access.isOpaque()) {
            return Optional.empty();
        }
        return decode(access);
    }

    private static boolean isIdToken(Principal principal) {
        return principal instanceof OidcJwtCallerPrincipal oidc && oidc.getCredential() instanceof IdTokenCredential;
    }

    private static Optional<JsonWebToken> decode(AccessTokenCredential access) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setSkipSignatureVerification()
                    .setSkipAllValidators()
                    .build()
                    .processToClaims(access.getToken());
            claims.setClaim(Claims.raw_token.name(), access.getToken());
            return Optional.of(new OidcJwtCallerPrincipal(claims, access));
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }
}
