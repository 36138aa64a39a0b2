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

    /**
     * Signs claims as given (RS256, test key), for shapes the builder refuses to produce, such as a numeric
     * {@code sub}.
     */
    public static String signRaw(String claimsJson) {
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload(claimsJson);
        jws.setKey(KEY);
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a school token of {@link #builder} as JSON, with {@code sub} set to the given JSON value. */
    public static String schoolClaimsWithSubject(String subjectJson, String schoolUrn, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":" + subjectJson
                + ",\"preferred_username\":\"staff-a\",\"school_urn\":\"" + schoolUrn + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"" + String.join("\",\"", roles) + "\"]}}";
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
