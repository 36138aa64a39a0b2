package uk.dsltriage.security.keycloak;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Tokens;

/**
 * Identity and access with REAL tokens from a real Keycloak (realm dsl-triage, deploy/keycloak): the application
 * discovers the realm, fetches its JWKS and validates signature, issuer, audience and expiry itself. Run by failsafe in
 * {@code mvn verify}; {@code -DskipITs} skips it.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class RealTokenIT {

    private static final String INCIDENTS = "/api/v1/incidents";
    private static final String RULESETS = "/api/v1/rulesets";
    private static final String STAFF_A_SUB = "00000000-0000-4000-8000-000000000101";

    private final KeycloakTokens keycloak = new KeycloakTokens(KeycloakResource.BASE_URL);

    // ------------------------------------------------------------------ the suite really uses Keycloak

    @Test
    void applicationValidatesAgainstTheRealmNotTheFastSuiteKey() {
        Config config = ConfigProvider.getConfig();
        assertEquals(KeycloakResource.ISSUER, config.getValue("quarkus.oidc.auth-server-url", String.class));
        assertEquals(Optional.empty(), config.getOptionalValue("quarkus.oidc.public-key", String.class),
                "the %test public key must be cleared, or real tokens are never checked against the realm's JWKS");
        assertEquals("service", config.getValue("quarkus.oidc.application-type", String.class));
        // A token the fast suite would accept (signed with the local test key, right issuer and audience) is refused.
        try (LogCapture logs = LogCapture.install()) {
            unauthenticated(bearer(Tokens.forSchool("staff-a", Fixtures.SCHOOL_A, "staff")).get(INCIDENTS));
            assertNoIntrospection(logs);
        }
    }

    // ------------------------------------------------------------------ valid tokens: roles and claims from Keycloak

    @Test
    void dslListsTheirSchoolsIncidents() {
        bearer(keycloak.accessToken("dsl.a")).get(INCIDENTS).then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void staffRecordIsScopedBySchoolClaimAndAuthorFromTheRealToken() {
        String staffA = keycloak.accessToken("staff.a");
        String id = bearer(staffA).body(Fixtures.incident()).post(INCIDENTS)
                .then().statusCode(201)
                .body("schoolUrn", equalTo(Fixtures.SCHOOL_A))
                .body("recordedBy", equalTo(KeycloakResource.ISSUER + " " + STAFF_A_SUB))
                .extract().path("id");

        bearer(staffA).get(INCIDENTS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("schoolUrn", equalTo(Fixtures.SCHOOL_A));
        bearer(keycloak.accessToken("dsl.a")).get(INCIDENTS + "/" + id).then().statusCode(200);
        bearer(keycloak.accessToken("dsl.a")).get(INCIDENTS + "?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));

        problem(bearer(keycloak.accessToken("dsl.b")).get(INCIDENTS + "/" + id), 404);
        bearer(keycloak.accessToken("dsl.b")).get(INCIDENTS + "?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        problem(bearer(keycloak.accessToken("staff.a2")).get(INCIDENTS + "/" + id), 404);
    }

    @Test
    void rolesAndClaimsFromKeycloakAreEnforced() {
        String officer = keycloak.accessToken("officer.la1");
        problem(bearer(officer).get(INCIDENTS), 403);
        problem(bearer(officer).body(Fixtures.incident()).post(INCIDENTS), 403);

        String dslNoClaim = keycloak.accessToken("dsl.noclaim");
        problem(bearer(dslNoClaim).get(INCIDENTS), 403);
        problem(bearer(dslNoClaim).body(Fixtures.incident()).post(INCIDENTS), 403);

        problem(bearer(keycloak.accessToken("norole.a")).get(INCIDENTS), 403);
    }

    @Test
    void localAuthoritySystemTokenReadsRulesButNoIncidents() {
        String system = keycloak.clientCredentials("la-system-999", "la-system-999-demo-secret");
        problem(bearer(system).get(INCIDENTS), 403);
        problem(bearer(system).body(Fixtures.incident()).post(INCIDENTS), 403);
        bearer(system).get(RULESETS).then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));
    }

    // ------------------------------------------------------------------ 401: missing or invalid tokens

    @Test
    void noTokenIs401() {
        unauthenticated(given().accept(ContentType.JSON).get(INCIDENTS));
        unauthenticated(given().accept(ContentType.JSON).get(RULESETS));
        unauthenticated(given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Fixtures.incident()).post(INCIDENTS));
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        Config config = ConfigProvider.getConfig();
        Optional<Integer> grace = config.getOptionalValue("quarkus.oidc.token.lifespan-grace", Integer.class);
        assertTrue(grace.isEmpty() || grace.get() == 0, "no token-age grace may be configured");

        bearer(keycloak.accessToken("dsl.a")).get(INCIDENTS).then().statusCode(200); // warm: discovery and JWKS loaded
        String shortLived = keycloak.password(KeycloakResource.REALM, "dsl-triage-cli-short-lived", "dsl.a", null).accessToken();
        Map<String, Object> claims = KeycloakTokens.payload(shortLived);
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertEquals(4, exp - iat, "dsl-triage-cli-short-lived tokens live 4 s");

        // Control: while fresh it is accepted (if the machine stalled past exp, a 401 is the right answer too).
        int fresh = bearer(shortLived).get(INCIDENTS).statusCode();
        long after = nowSeconds();
        assertTrue(fresh == 200 || (fresh == 401 && after >= exp), "fresh short-lived token: HTTP " + fresh);

        long waitMillis = (exp + 2) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis); // ~6 s after issue
        }
        assertTrue(nowSeconds() >= exp + 2);
        unauthenticated(bearer(shortLived).get(INCIDENTS));
        unauthenticated(bearer(shortLived).get(RULESETS));
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        String other = keycloak.password("other-realm", KeycloakTokens.CLI, "dsl.a", null).accessToken();
        Map<String, Object> claims = KeycloakTokens.payload(other);
        assertEquals(KeycloakResource.BASE_URL + "/realms/other-realm", claims.get("iss"));
        assertEquals("dsl-triage-api", claims.get("aud"));
        assertEquals(Fixtures.SCHOOL_A, claims.get("school_urn"));
        // Its kid is not in the dsl-triage JWKS: refused locally, not handed to Keycloak's introspection endpoint.
        assertEquals(Optional.of(false), ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.token.allow-jwt-introspection", Boolean.class));
        try (LogCapture logs = LogCapture.install()) {
            unauthenticated(bearer(other).get(INCIDENTS));
            unauthenticated(bearer(other).get(RULESETS));
            assertNoIntrospection(logs);
        }
    }

    @Test
    void tokenWithoutTheApiAudienceIs401() {
        String noAudience = keycloak.password(KeycloakResource.REALM, "dsl-triage-cli-no-audience", "dsl.a", null).accessToken();
        Map<String, Object> claims = KeycloakTokens.payload(noAudience);
        assertEquals(KeycloakResource.ISSUER, claims.get("iss"));
        assertTrue(claims.get("aud") == null || !claims.get("aud").toString().contains("dsl-triage-api"));
        unauthenticated(bearer(noAudience).get(INCIDENTS));
        unauthenticated(bearer(noAudience).get(RULESETS));
    }

    @Test
    void alteredSignatureIs401() {
        String token = keycloak.accessToken("dsl.a");
        bearer(token).get(INCIDENTS).then().statusCode(200); // control: untouched token works
        String[] p = token.split("\\.");
        char[] sig = p[2].toCharArray();
        int i = sig.length / 2; // a middle character: every bit of it is significant (unlike the last one)
        sig[i] = sig[i] == 'A' ? 'B' : 'A';
        String tampered = p[0] + "." + p[1] + "." + new String(sig);
        assertNotEquals(token, tampered);
        unauthenticated(bearer(tampered).get(INCIDENTS));
    }

    @Test
    void alteredPayloadWithOriginalSignatureIs401() {
        String token = keycloak.accessToken("staff.a");
        bearer(token).get(INCIDENTS).then().statusCode(200);
        String[] p = token.split("\\.");
        String json = KeycloakTokens.unb64(p[1]);
        String moved = json.replace("\"school_urn\":\"100001\"", "\"school_urn\":\"100002\"");
        assertNotEquals(json, moved, "token payload has school_urn 100001");
        unauthenticated(bearer(p[0] + "." + KeycloakTokens.b64(moved) + "." + p[2]).get(INCIDENTS));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String token = keycloak.accessToken("dsl.a");
        String none = KeycloakTokens.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + KeycloakTokens.part(token, 1) + ".";
        unauthenticated(bearer(none).get(INCIDENTS));
        unauthenticated(bearer(none).get(RULESETS));
    }

    @Test
    void tokenSignedWithAnotherRsaKeyIs401() throws Exception {
        String token = keycloak.accessToken("dsl.a");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        // Same header (RS256 and the realm's kid) and the same payload; only the key differs.
        String signingInput = KeycloakTokens.part(token, 0) + "." + KeycloakTokens.part(token, 1);
        unauthenticated(bearer(signingInput + "." + rs256(signingInput, attacker.getPrivate())).get(INCIDENTS));
    }

    @Test
    void hs256SignedWithTheRealmPublicKeyIs401() throws Exception {
        String token = keycloak.accessToken("dsl.a");
        String kid = (String) KeycloakTokens.header(token).get("kid");
        Map<String, Object> jwk = keycloak.signingKeys(KeycloakResource.REALM).stream()
                .filter(k -> kid.equals(k.get("kid"))).findFirst().orElseThrow();
        PublicKey realmKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get("e")))));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(realmKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        // Key confusion: HMAC "secret" = the realm's public key, which anyone can fetch from the JWKS.
        String signingInput = KeycloakTokens.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "."
                + KeycloakTokens.part(token, 1);
        try (LogCapture logs = LogCapture.install()) {
            for (byte[] secret : List.of(pem.getBytes(StandardCharsets.US_ASCII), realmKey.getEncoded())) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                String forged = signingInput + "." + KeycloakTokens.b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
                unauthenticated(bearer(forged).get(INCIDENTS));
            }
            assertNoIntrospection(logs);
        }
    }

    @Test
    void idTokenUsedAsBearerIs401() {
        KeycloakTokens.TokenResponse response = keycloak.password(KeycloakResource.REALM, KeycloakTokens.CLI, "dsl.a", "openid");
        String idToken = response.idToken();
        Assumptions.assumeTrue(idToken != null, "Keycloak returned no ID token");
        Object aud = KeycloakTokens.payload(idToken).get("aud");
        Assumptions.assumeFalse(aud != null && aud.toString().contains("dsl-triage-api"),
                "the ID token's aud includes the API; this case cannot be told apart by audience");
        assertEquals(KeycloakResource.ISSUER, KeycloakTokens.payload(idToken).get("iss"));
        bearer(response.accessToken()).get(INCIDENTS).then().statusCode(200); // control: its access token works
        unauthenticated(bearer(idToken).get(INCIDENTS));
    }

    // ------------------------------------------------------------------ helpers

    private static RequestSpecification bearer(String token) {
        assertNotNull(token);
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://dsl-triage.uk/problems/"))
                .body("title", notNullValue())
                .body("instance", notNullValue());
    }

    private static void unauthenticated(Response response) {
        problem(response, 401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", endsWith("/unauthenticated"));
    }

    private static void assertNoIntrospection(LogCapture logs) {
        assertTrue(!logs.text().contains("introspect"), "a rejected JWT must not be sent to the introspection endpoint");
    }

    private static String rs256(String signingInput, PrivateKey key) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return KeycloakTokens.b64(signature.sign());
    }

    private static long nowSeconds() {
        return Duration.ofMillis(System.currentTimeMillis()).toSeconds();
    }
}
