package uk.dsltriage.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * The caller is the token's {@code sub} and nothing else: a validly signed token whose subject is missing or unusable
 * is refused with 401 on every endpoint, never widened to the whole school and never replaced by another claim; long
 * or odd claims are refused cleanly (401/403, never 5xx) and nothing of them is stored or logged.
 */
@QuarkusTest
class TokenIdentityTest {

    private static final String[] EVERY_ROLE = {"staff", "dsl", "headteacher", "auditor", "rules-admin", "la-officer"};
    private static final String CANARY = "subcanary";

    @Inject
    AgroalDataSource dataSource;

    /** Unusable subjects, each signed with every role and the claims that once served as fallbacks. */
    private static Map<String, UnaryOperator<JwtClaimsBuilder>> unusableSubjects() {
        Map<String, UnaryOperator<JwtClaimsBuilder>> variants = new LinkedHashMap<>();
        variants.put("no sub", b -> b.remove("sub"));
        variants.put("empty sub", b -> b.subject(""));
        variants.put("blank sub", b -> b.subject(" "));
        variants.put("whitespace sub", b -> b.subject(" \t\n "));
        variants.put("padded sub", b -> b.subject(" " + CANARY + "-padded "));
        variants.put("256-character sub", b -> b.subject(CANARY + "x".repeat(256 - CANARY.length())));
        variants.put("321-character sub", b -> b.subject(CANARY + "y".repeat(321 - CANARY.length())));
        variants.put("10,000-character sub", b -> b.subject(CANARY + "z".repeat(10_000 - CANARY.length())));
        variants.put("NUL in sub", b -> b.subject(CANARY + "\u0000nul"));
        variants.put("newline in sub", b -> b.subject(CANARY + "\nforged log line"));
        variants.put("escape in sub", b -> b.subject(CANARY + "\u001b[31m"));
        variants.put("space in sub", b -> b.subject(CANARY + " space"));
        variants.put("non-ASCII sub", b -> b.subject(CANARY + "-é"));
        variants.put("no sub, upn of another user", b -> b.remove("sub").claim("upn", Persona.STAFF_A.subject()));
        variants.put("blank sub, preferred_username of another user",
                b -> b.subject(" ").claim("preferred_username", Persona.STAFF_A.subject()));
        return variants;
    }

    private static List<String[]> everyOperation(String incident) {
        return List.of(
                new String[] {"GET", "/api/v1/incidents", null},
                new String[] {"POST", "/api/v1/incidents", Fixtures.incident()},
                new String[] {"GET", "/api/v1/incidents/" + incident, null},
                new String[] {"POST", "/api/v1/incidents/" + incident + "/addenda", Fixtures.addendum("Later information.")},
                new String[] {"GET", "/api/v1/incidents/" + incident + "/recommendations", null},
                new String[] {"POST", "/api/v1/incidents/" + incident + "/retriage", "{\"ruleSetId\":\"england-schools\",\"version\":\"2025.1\"}"},
                new String[] {"POST", "/api/v1/triage/evaluate", example("evaluateTriage")},
                new String[] {"GET", "/api/v1/rulesets", null},
                new String[] {"GET", "/api/v1/rulesets/england-schools/2025.1", null},
                new String[] {"GET", "/api/v1/incidents/" + incident + "/viewing-records", null},
                new String[] {"POST", "/api/v1/incidents/" + incident + "/accidental-viewings",
                        "{\"viewedAt\":\"2026-11-20T10:15:00Z\",\"how\":\"SENT_UNSOLICITED\"}"});
    }

    @Test
    void aTokenWithoutAUsableSubjectIsRefusedOnEveryEndpoint() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            for (var variant : unusableSubjects().entrySet()) {
                String token = variant.getValue().apply(Tokens.builder("placeholder", EVERY_ROLE)
                        .claim("school_urn", Fixtures.SCHOOL_A)).sign(Tokens.key());
                expectRefusedEverywhere(variant.getKey(), token, incident, failures);
            }
            // Shapes the token builder will not produce: a sub that is not a string.
            for (String subject : List.of("12345", "[\"staff-a\"]", "{\"id\":\"staff-a\"}", "true", "null", "\"\"",
                    "\"" + CANARY + "\\ud800\"", "\"" + CANARY + "\\u0000\"", "\"" + CANARY + "\\u00e9\"")) {
                String token = Tokens.signRaw(Tokens.schoolClaimsWithSubject(subject, Fixtures.SCHOOL_A, EVERY_ROLE));
                expectRefusedEverywhere("sub " + subject, token, incident, failures);
            }
            assertFalse(logs.text().contains(CANARY), "a refused subject reached the logs");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(DatabaseScan.everything(dataSource).contains(CANARY), "a refused subject was stored");
    }

    @Test
    void anotherIssuerOrAnotherSignatureAlgorithmIsRefused() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("other issuer", Tokens.builder("staff-a", "staff").issuer("https://evil.example/realms/dsl-triage")
                .claim("school_urn", Fixtures.SCHOOL_A).sign(Tokens.key()));
        tokens.put("10,000-character issuer", Tokens.builder("staff-a", "staff").issuer(Tokens.ISSUER + "x".repeat(10_000))
                .claim("school_urn", Fixtures.SCHOOL_A).sign(Tokens.key()));
        for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256)) {
            tokens.put(algorithm.name(), Tokens.builder("staff-a", "staff").claim("school_urn", Fixtures.SCHOOL_A)
                    .jws().algorithm(algorithm).sign(Tokens.key()));
        }
        String rs256 = Tokens.builder("staff-a", "staff").claim("school_urn", Fixtures.SCHOOL_A)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(Tokens.key());
        given().auth().oauth2(rs256).get("/api/v1/incidents").then().statusCode(200);
        tokens.forEach((name, token) -> given().auth().oauth2(token).get("/api/v1/incidents")
                .then().statusCode(401).contentType("application/problem+json"));
    }

    @Test
    void longOrOddScopeClaimsAreRefusedWith403NeverAServerError() {
        List<Object> badUrns = List.of("1".repeat(8), "1".repeat(321), "1".repeat(10_000), "100001\u0000", " 100001",
                "100001 ", "10000l", List.of("100001"), 100001, Map.of("urn", "100001"), "");
        List<String> failures = new ArrayList<>();
        for (Object urn : badUrns) {
            String token = Tokens.builder("odd-claims", "staff", "dsl").claim("school_urn", urn).sign(Tokens.key());
            int status = given().auth().oauth2(token).get("/api/v1/incidents").statusCode();
            if (status != 403 && status != 401) {
                failures.add("school_urn " + String.valueOf(urn).length() + " chars -> " + status);
            }
        }
        for (Object code : List.of("9".repeat(10), "9".repeat(10_000), "99\u00009", "99 9", List.of("999"))) {
            String token = Tokens.builder("odd-claims", "la-officer").claim("la_code", code).sign(Tokens.key());
            int status = given().auth().oauth2(token).get("/api/v1/incidents").statusCode();
            if (status >= 500 || status == 200) {
                failures.add("la_code -> " + status);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theLongestAllowedSubjectWorksAndStaffScopingFollowsIssuerAndSubject() {
        String subject = "s".repeat(TokenClaims.MAX_SUBJECT - 36) + UUID.randomUUID();
        String token = Tokens.forSchool(subject, Fixtures.SCHOOL_A, "staff");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201)
                .body("recordedBy", equalTo(Tokens.ISSUER + " " + subject)).extract().path("id");
        given().auth().oauth2(token).get("/api/v1/incidents/" + id).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/incidents?size=100").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }.size()", equalTo(1));
        Persona.STAFF_A.request().get("/api/v1/incidents/" + id).then().statusCode(404);
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200);
        // A user of the same name in another role or school is someone else's scope, not this author's.
        Persona.DSL_B.request().get("/api/v1/incidents/" + id).then().statusCode(404);
    }

    private static void expectRefusedEverywhere(String variant, String token, String incident, List<String> failures) {
        for (String[] op : everyOperation(incident)) {
            Response response = send(token, op);
            if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
                failures.add(variant + ": " + op[0] + " " + op[1] + " -> " + response.statusCode());
            }
        }
    }

    private static String example(String operationId) {
        try (var in = TokenIdentityTest.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response send(String token, String[] op) {
        var request = given().auth().oauth2(token).accept(ContentType.JSON);
        if (op[2] != null) {
            request = request.contentType(ContentType.JSON).body(op[2]);
        }
        return request.request(op[0], op[1]);
    }
}
