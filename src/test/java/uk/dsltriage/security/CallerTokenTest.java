package uk.dsltriage.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Tokens;

/**
 * Claims come from the ACCESS token for both tenants. With the console's code flow, Quarkus makes the ID token the
 * identity's principal; Keycloak puts school_urn, la_code and roles only into the access token
 * (deploy/keycloak: the dsl-triage-console client's mappers), so reading the principal would lose the caller's school.
 */
class CallerTokenTest {

    private static final String SUBJECT = "00000000-0000-4000-8000-000000000103";

    @Test
    void codeFlowIdentityIsReadFromItsAccessTokenNotItsIdToken() throws Exception {
        String access = Tokens.forSchool(SUBJECT, Fixtures.SCHOOL_A, "dsl");
        String id = Tokens.builder(SUBJECT).claim("email", "dsl.a@dsl-triage.example").sign(Tokens.key());
        SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims(id), new IdTokenCredential(id)))
                .addCredential(new IdTokenCredential(id))
                .addCredential(new AccessTokenCredential(access))
                .addRole("dsl")
                .build();

        CurrentUser user = new CurrentUser(identity);

        assertEquals(Optional.of(Fixtures.SCHOOL_A), user.schoolUrn(), "school_urn is only in the access token");
        assertEquals(SUBJECT, user.userId());
        assertEquals(Tokens.ISSUER, user.issuer());
        assertTrue(access.equals(CallerToken.of(identity).orElseThrow().getRawToken()), "the access token's own text");
        assertEquals(Fixtures.SCHOOL_A, user.schoolScope().schoolUrn());
    }

    @Test
    void bearerIdentityIsItsOwnAccessToken() throws Exception {
        String access = Tokens.forSchool(SUBJECT, Fixtures.SCHOOL_B, "dsl");
        OidcJwtCallerPrincipal principal = new OidcJwtCallerPrincipal(claims(access), new AccessTokenCredential(access));
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(principal)
                .addCredential(new AccessTokenCredential(access)).build();

        assertTrue(CallerToken.of(identity).orElseThrow() == principal, "the verified principal itself, not a copy");
        assertEquals(Optional.of(Fixtures.SCHOOL_B), new CurrentUser(identity).schoolUrn());
    }

    @Test
    void codeFlowIdentityWithoutAJwtAccessTokenHasNoCallerAtAll() throws Exception {
        String id = Tokens.builder(SUBJECT).claim("school_urn", Fixtures.SCHOOL_A).sign(Tokens.key());
        SecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims(id), new IdTokenCredential(id)))
                .addCredential(new AccessTokenCredential("opaque-not-a-jwt"))
                .build();

        assertEquals(Optional.empty(), CallerToken.of(identity), "never falls back to the ID token's claims");
        assertThrows(AuthenticationFailedException.class, () -> new CurrentUser(identity).userId());
        assertEquals(Optional.empty(), new CurrentUser(identity).schoolUrn());
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build().processToClaims(jwt);
    }
}
