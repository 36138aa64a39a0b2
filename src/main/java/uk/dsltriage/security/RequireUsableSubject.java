package uk.dsltriage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where a token's identity is judged: an authenticated identity whose token has no usable
 * {@code sub} or {@code iss} (see {@link TokenClaims}) fails authentication, so every endpoint answers 401 before any
 * resource runs, including endpoints that never build an access scope. An identity that is not a JWT is refused too:
 * bearer tokens are the only way in.
 */
@ApplicationScoped
public class RequireUsableSubject implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && TokenClaims.identifies(token)) {
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
