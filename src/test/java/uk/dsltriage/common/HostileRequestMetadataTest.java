package uk.dsltriage.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.logging.DatabaseDetailFilter;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * Headers, paths and query strings are client input too: after a volley of hostile ones (each carrying a canary), no
 * table, no log line and no label on the public /q/metrics holds any of it. Correlation ids and idempotency keys are
 * kept only when they match their narrow patterns; Location never reflects the Host header; PostgreSQL's error text
 * (which quotes row data) never reaches the log.
 */
@QuarkusTest
class HostileRequestMetadataTest {

    private static final String CANARY = "hostilecanary";
    private static final RestAssuredConfig RAW_PATHS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void hostileHeadersPathsAndQueriesLeaveNoTraceInTablesLogsOrMetrics() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> failures = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            for (String correlation : List.of(CANARY, CANARY + "-0001", CANARY + "-" + "c".repeat(60), CANARY + " spaced",
                    CANARY + "/../x", CANARY + "<script>", CANARY + "%0d%0aSet-Cookie:x", CANARY + "'--", CANARY + "\ttab",
                    "00000000-0000-4000-8000-" + CANARY.substring(0, 12), "0".repeat(32) + CANARY)) {
                Response response = Persona.STAFF_A.request().header(CorrelationId.HEADER, correlation)
                        .body(Fixtures.incident()).post("/api/v1/incidents");
                expect(failures, "correlation " + correlation, response, 201);
                assertNotEquals(correlation, response.header(CorrelationId.HEADER));
                assertTrue(response.header(CorrelationId.HEADER).matches("[0-9a-f-]{36}"), "a minted id replaces a refused one");
            }
            for (String key : List.of(CANARY + " spaced key", CANARY + "k".repeat(200), CANARY + "/../../etc",
                    CANARY + "';drop table incident;--", CANARY + "%00", CANARY + "\u00e9t\u00e9", CANARY + "<b>")) {
                Response response = Persona.STAFF_A.request().config(RAW_PATHS).header("Idempotency-Key", key)
                        .body(Fixtures.incident()).post("/api/v1/incidents");
                expect(failures, "idempotency key", response, 400);
            }
            for (String path : List.of("/api/v1/incidents/" + CANARY, "/api/v1/" + CANARY, "/api/v1/incidents/" + incident + "/" + CANARY,
                    "/api/v1/rulesets/" + CANARY + "/" + CANARY, "/api/v1/incidents/" + CANARY + "x".repeat(3000),
                    "/api/" + CANARY + "/" + "y".repeat(500), "/" + CANARY, "/q/" + CANARY, "/api/v1/incidents;" + CANARY + "=1")) {
                for (Persona persona : List.of(Persona.STAFF_A, Persona.DSL_A)) {
                    int status = persona.request().urlEncodingEnabled(false).get(path).statusCode();
                    if (status >= 500) {
                        failures.add("GET " + path.substring(0, Math.min(80, path.length())) + " -> " + status);
                    }
                }
                int anonymous = given().urlEncodingEnabled(false).get(path).statusCode();
                int unsupported = given().urlEncodingEnabled(false).contentType("application/x-" + CANARY)
                        .body(CANARY.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .post(path).statusCode();
                int refusedBody = Persona.STAFF_A.request().urlEncodingEnabled(false)
                        .body("{\"account\":\"https://" + CANARY + ".example/x.jpg\"}").post(path).statusCode();
                for (int status : new int[] {anonymous, unsupported, refusedBody}) {
                    if (status >= 500) {
                        failures.add(path.substring(0, Math.min(80, path.length())) + " -> " + status);
                    }
                }
            }
            for (String query : List.of("status=" + CANARY, "type=" + CANARY, CANARY + "=1", "page=" + CANARY, "size=" + CANARY,
                    "status=" + CANARY + "%00", "type=" + "z".repeat(2000) + CANARY)) {
                // An unknown parameter is ignored; a page or size that is not a number is 400, naming it.
                int expected = query.startsWith(CANARY) ? 200 : 400;
                expect(failures, "query " + query, Persona.DSL_A.request().urlEncodingEnabled(false).get("/api/v1/incidents?" + query),
                        expected);
            }
            expect(failures, "evaluate rule set", Persona.DSL_A.request()
                    .body(InputBoundsTest.example("evaluateTriage")).post("/api/v1/triage/evaluate?ruleSetId=" + CANARY + "&version=" + CANARY), 400);
            assertFalse(logs.text().contains(CANARY), "request metadata reached the log:\n" + excerpt(logs.text()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(CANARY), "request metadata became a metrics label:\n" + excerpt(metrics));
        assertFalse(DatabaseScan.everything(dataSource).contains(CANARY), "request metadata was stored");
    }

    @Test
    void aValidClientCorrelationIdIsKeptAndEchoed() {
        String id = UUID.randomUUID().toString();
        Persona.DSL_A.request().header(CorrelationId.HEADER, id).get("/api/v1/incidents").then().statusCode(200)
                .header(CorrelationId.HEADER, id);
    }

    @Test
    void locationIsRelativeAndNeverReflectsTheHostHeader() {
        for (String host : List.of("evil.example", "evil.example:8443", CANARY + ".example")) {
            String location = Persona.STAFF_A.request().header("Host", host).header("X-Forwarded-Host", host + "-fwd")
                    .body(Fixtures.incident()).post("/api/v1/incidents")
                    .then().statusCode(201).header("Location", startsWith("/api/v1/incidents/")).extract().header("Location");
            assertFalse(location.contains("evil") || location.contains(CANARY), location);
            String id = location.substring("/api/v1/incidents/".length());
            Persona.STAFF_A.request().get(location).then().statusCode(200).body("id", equalTo(id));
        }
        String incident = Persona.DSL_A.request()
                .body(Fixtures.incident().replace("\"immediateRiskOfHarm\": false", "\"immediateRiskOfHarm\": true"))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String etag = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then().extract().path("etag");
        String decided = Persona.DSL_A.request().header("Host", "evil.example").header("If-Match", etag)
                .body(Decisions.REFER_AS_RECOMMENDED)
                .post("/api/v1/incidents/" + incident + "/decision")
                .then().statusCode(201).extract().header("Location");
        assertEquals("/api/v1/incidents/" + incident + "/review", decided);
    }

    @Test
    void postgresErrorTextNeverReachesTheLog() {
        String key = "sqlcanary-" + UUID.randomUUID();
        Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201);
        assertEquals(DatabaseDetailFilter.NAME, ConfigProvider.getConfig().getValue("quarkus.log.console.filter", String.class));
        try (LogCapture logs = LogCapture.install(new DatabaseDetailFilter())) {
            RuntimeException failure = null;
            try {
                QuarkusTransaction.requiringNew().run(() -> em.persist(duplicateOf(key)));
            } catch (RuntimeException e) {
                failure = e;
            }
            assertTrue(failure != null, "the duplicate key must be refused by the database");
            // The embedded server's own log is relayed into the JVM by the test harness (io.zonky...): that is
            // PostgreSQL's log, not the service's, so it is left out here.
            String serviceLog = logs.textExcept("io.zonky.");
            assertFalse(serviceLog.contains("sqlcanary"), "PostgreSQL's error detail reached the log:\n" + serviceLog);
            assertEquals(-1, serviceLog.indexOf("already exists"), "PostgreSQL's error detail reached the log");
        }
    }

    private static Incident duplicateOf(String key) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.schoolUrn = Fixtures.SCHOOL_A;
        incident.status = IncidentStatus.AWAITING_DSL_REVIEW;
        incident.recordedBy = Persona.STAFF_A.actor();
        incident.recordedAt = Instant.now();
        incident.occurredAt = Instant.now();
        incident.location = uk.dsltriage.incident.Location.ONLINE;
        incident.account = "Duplicate for the log test.";
        incident.factsJson = "{}";
        incident.types = new java.util.LinkedHashSet<>();
        incident.idempotencyKey = key;
        incident.requestSha256 = "0".repeat(64);
        return incident;
    }

    private static void expect(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + " -> " + response.statusCode() + " (expected " + status + ")");
        } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
            failures.add(what + " -> not problem+json");
        }
    }

    private static String excerpt(String text) {
        int at = text.indexOf(CANARY);
        at = at < 0 ? text.indexOf("sqlcanary") : at;
        return at < 0 ? "" : text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }
}
