package uk.dsltriage.common;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * Values PostgreSQL cannot store, or no real input has, are refused as 400 problems for every body, never 5xx; the
 * refused text reaches neither the database nor the log. Enum errors name the allowed values, never the sent one.
 */
@QuarkusTest
class InputBoundsTest {

    private static final String CANARY = "boundscanary";

    @Inject
    AgroalDataSource dataSource;

    /** JSON string literals (escapes as a client would send them) that no field may hold. */
    private static final List<String> UNSTORABLE = List.of(
            "\\u0000", "\\u0000" + CANARY, CANARY + "\\u0000", CANARY + "\\u0000tail", CANARY + "\\u0000\\u0000",
            CANARY + "\\ud800", CANARY + "\\udfff", "\\udc00" + CANARY, CANARY + "\\ud800x", CANARY + "\\udbff\\udbff",
            CANARY + "\\udc00\\ud800");

    @Test
    void nulAndUnpairedSurrogatesAreRefusedInEveryStringField() {
        String incident = Persona.DSL_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            for (String bad : UNSTORABLE) {
                String literal = "\"" + bad + "\"";
                Map<String, String> attempts = Map.of(
                        "/api/v1/incidents account", Fixtures.incident().replaceFirst("\"account\": \"[^\"]*\"", Matcher.quoteReplacement("\"account\": " + literal)),
                        "/api/v1/incidents childVoice", Fixtures.incident().replace("\"I only sent it to him.\"", literal),
                        "/api/v1/incidents participants[0].ref", Fixtures.incident().replace("\"P1\"", literal),
                        "/api/v1/incidents/{id}/addenda account", "{ \"account\": " + literal + " }",
                        "/api/v1/incidents/{id}/addenda revisedFacts.participants[0].ref", example("addAddendum").replace("\"P1\"", literal),
                        "/api/v1/triage/evaluate participants[0].ref", example("evaluateTriage").replace("\"P1\"", literal),
                        "/api/v1/incidents/{id}/viewing-exceptions signedBy", example("recordViewingException")
                                .replace("\"DSL (J. Okafor) and Headteacher\"", literal));
                for (var attempt : attempts.entrySet()) {
                    String path = attempt.getKey().split(" ")[0].replace("{id}", incident);
                    Response response = Persona.DSL_A.request().body(attempt.getValue()).post(path);
                    if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
                        failures.add(attempt.getKey() + " with " + bad + " -> " + response.statusCode());
                    }
                }
            }
            assertFalse(logs.text().contains(CANARY), "refused text reached the log");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(DatabaseScan.everything(dataSource).contains(CANARY), "refused text was stored");
    }

    @Test
    void dateTimesOutsideTheStorableRangeAreRefusedOnEveryEndpoint() {
        String incident = Persona.DSL_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> dates = List.of("+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z");
        List<String> failures = new ArrayList<>();
        for (String date : dates) {
            String quoted = "\"" + date + "\"";
            Map<String, String> attempts = Map.of(
                    "/api/v1/incidents occurredAt", Fixtures.incident().replace("\"2026-11-20T10:15:00Z\"", quoted),
                    "/api/v1/triage/evaluate occurredAt", example("evaluateTriage").replaceFirst("\"occurredAt\": \"[^\"]*\"", "\"occurredAt\": " + quoted),
                    "/api/v1/incidents/{id}/addenda revisedFacts.occurredAt", example("addAddendum").replace("\"2026-11-20T10:15:00Z\"", quoted),
                    "/api/v1/incidents/{id}/accidental-viewings viewedAt", "{\"viewedAt\":" + quoted + ",\"how\":\"SENT_UNSOLICITED\"}",
                    "/api/v1/incidents/{id}/viewing-exceptions viewedAt", example("recordViewingException").replace("\"2026-11-20T11:30:00Z\"", quoted),
                    "/api/v1/incidents/{id}/viewing-exceptions signedAt", example("recordViewingException").replace("\"2026-11-20T11:45:00Z\"", quoted));
            for (var attempt : attempts.entrySet()) {
                String path = attempt.getKey().split(" ")[0].replace("{id}", incident);
                Response response = Persona.DSL_A.request().body(attempt.getValue()).post(path);
                if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
                    failures.add(attempt.getKey() + " = " + date + " -> " + response.statusCode());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void anOccurredAtInTheFutureBeyondClockSkewIsRefused() {
        String soon = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        for (String future : List.of(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "2999-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            Persona.STAFF_A.request().body(Fixtures.incident().replace("2026-11-20T10:15:00Z", future)).post("/api/v1/incidents")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("occurredAt"));
            Persona.STAFF_A.request().body(example("evaluateTriage").replaceFirst("\"occurredAt\": \"[^\"]*\"", "\"occurredAt\": \"" + future + "\""))
                    .post("/api/v1/triage/evaluate").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        }
        Persona.STAFF_A.request().body(Fixtures.incident().replace("2026-11-20T10:15:00Z", soon)).post("/api/v1/incidents")
                .then().statusCode(201);
    }

    @Test
    void enumErrorsNameTheAllowedValuesAndNeverEchoTheSentOne() {
        String sent = "ROLECANARY";
        Persona.STAFF_A.request().body(Fixtures.incident().replace("\"RECIPIENT\"", "\"" + sent + "\"")).post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("participants[1].role"))
                .body("errors[0].message", containsString("SUBJECT"))
                .body("errors[0].message", containsString("VICTIM"))
                .body(not(containsString(sent)));
        Persona.STAFF_A.request().body(Fixtures.incident().replace("\"NUDE_IMAGE_SHARING\"", "\"" + sent + "\"")).post("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].message", containsString("SEXTORTION")).body(not(containsString(sent)));
        Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ONLINE\"", "42")).post("/api/v1/incidents")
                .then().statusCode(400).body("errors[0].message", containsString("OFF_SITE"));
        Persona.DSL_A.request().get("/api/v1/incidents?status=" + sent).then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("AWAITING_DSL_REVIEW"))
                .body(not(containsString(sent)));
    }

    static String example(String operationId) {
        try (InputStream in = InputBoundsTest.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
