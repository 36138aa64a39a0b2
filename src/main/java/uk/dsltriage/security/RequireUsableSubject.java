package uk.dsltriage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one place where a token's identity is judged: an authenticated identity whose token has no usable
 * {@code sub} or {@code iss} (see {@link TokenClaims}) fails authentication, so every endpoint answers 401 before any
 * resource runs, including endpoints that never build an access scope. The token judged is the caller's access token
 * ({@link CallerToken}), for the API's bearer tokens and the console's session alike; an identity without a JWT access
 * token is refused.
 */
@ApplicationScoped
public class RequireUsableSubject implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (CallerToken.of(identity).filter(TokenClaims::identifies).isPresent()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("token has no usable subject or issuer"));
    }

    @Override
    public int priority() {
        // Run before any other augmentor, so none sees an identity that is about to be refused.
        return Integer.MAX_VALUE;
    }
}
