package uk.dsltriage.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens shaped like the dsl-triage realm's, for the fast suite. The service validates them for real
 * (signature, issuer, audience, expiry) against the test public key in the %test profile; the Keycloak suite proves
 * the same with tokens from a real Keycloak.
 */
public final class Tokens {

    public static final String ISSUER = "http://127.0.0.1:8180/realms/dsl-triage";
    public static final String AUDIENCE = "dsl-triage-api";
    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    public static String forSchool(String subject, String schoolUrn, String... roles) {
        return builder(subject, roles).claim("school_urn", schoolUrn).sign(KEY);
    }

    public static String forLocalAuthority(String subject, String laCode, String... roles) {
        return builder(subject, roles).claim("la_code", laCode).sign(KEY);
    }

    public static String withoutScope(String subject, String... roles) {
        return builder(subject, roles).sign(KEY);
    }

    public static JwtClaimsBuilder builder(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(300);
    }

    public static PrivateKey key() {
        return KEY;
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test signing key not readable", e);
        }
    }
}
