package uk.dsltriage.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * Every operation leaves exactly the audit events it should, and nothing more: the right action, outcome, actor
 * (issuer + subject), chain, record id and, for refusals, the route template (never the raw path).
 */
@QuarkusTest
class AuditTrailTest {

    private static final String SCHOOL_A = "school:" + Fixtures.SCHOOL_A;
    private static final String SCHOOL_B = "school:" + Fixtures.SCHOOL_B;

    @Inject
    AgroalDataSource dataSource;

    /** What one request must leave: action, outcome, chain, actor subject (null: anonymous), object id (or null). */
    record Expected(String action, String outcome, String chain, String subject, String objectId, String endpoint) {
        static Expected ok(String action, String chain, Persona who, String objectId) {
            return new Expected(action, "SUCCESS", chain, who.subject(), objectId, null);
        }

        static Expected refused(String action, String chain, String subject, String objectId, String endpoint) {
            return new Expected(action, "REFUSED", chain, subject, objectId, endpoint);
        }
    }

    private List<AuditEntry> during(Runnable request) {
        long mark = AuditEvents.mark(dataSource);
        request.run();
        return AuditEvents.after(dataSource, mark);
    }

    private void expect(List<Expected> expected, Runnable request) {
        List<AuditEntry> events = during(request);
        assertEquals(expected.size(), events.size(), () -> "events: " + events);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            AuditEntry got = events.get(i);
            assertEquals(want.action(), got.action(), () -> "action of " + got);
            assertEquals(want.outcome(), got.outcome(), () -> "outcome of " + got);
            assertEquals(want.chain(), got.chain(), () -> "chain of " + got);
            assertEquals(want.subject() == null ? "anonymous" : Tokens.ISSUER + " " + want.subject(), got.actor());
            assertEquals(want.objectId(), got.objectId(), () -> "object of " + got);
            assertEquals(want.endpoint(), got.endpoint(), () -> "endpoint of " + got);
            assertEquals(got.hash(), got.computeHash(), "stored hash is the hash of the canonical content");
            assertTrue(got.correlationId() != null && got.correlationId().length() <= 64);
        }
    }

    @Test
    void everyChangeAndReadLeavesExactlyItsEvent() {
        String key = Fixtures.key();
        String[] id = new String[1];
        List<AuditEntry> created = during(() -> id[0] = Persona.STAFF_A.request().header("Idempotency-Key", key)
                .body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201).extract().path("id"));
        assertEquals(1, created.size());
        assertEquals("INCIDENT_RECORDED", created.get(0).action());
        assertEquals(id[0], created.get(0).objectId());
        assertEquals("INCIDENT", created.get(0).objectKind());
        assertEquals(SCHOOL_A, created.get(0).chain());
        assertEquals("staff", created.get(0).roles());
        String incident = id[0];

        expect(List.of(Expected.ok("INCIDENT_REPLAYED", SCHOOL_A, Persona.STAFF_A, incident)),
                () -> Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident())
                        .post("/api/v1/incidents").then().statusCode(201).header("Idempotent-Replayed", "true"));
        expect(List.of(Expected.ok("INCIDENT_READ", SCHOOL_A, Persona.DSL_A, incident)),
                () -> Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200));
        expect(List.of(Expected.ok("INCIDENT_LISTED", SCHOOL_A, Persona.HEAD_A, null)),
                () -> Persona.HEAD_A.request().get("/api/v1/incidents").then().statusCode(200));
        expect(List.of(Expected.ok("ADDENDUM_ADDED", SCHOOL_A, Persona.DSL_A, incident)),
                () -> Persona.DSL_A.request().body(Fixtures.addendum("Pupil B has deleted it."))
                        .post("/api/v1/incidents/" + incident + "/addenda").then().statusCode(201));
        expect(List.of(Expected.ok("RECOMMENDATIONS_READ", SCHOOL_A, Persona.STAFF_A, incident)),
                () -> Persona.STAFF_A.request().get("/api/v1/incidents/" + incident + "/recommendations").then().statusCode(200));
        expect(List.of(Expected.ok("TRIAGE_RECORDED", SCHOOL_A, Persona.DSL_A, incident)),
                () -> Persona.DSL_A.request().body(example("retriageIncident"))
                        .post("/api/v1/incidents/" + incident + "/retriage").then().statusCode(201));
        expect(List.of(Expected.ok("TRIAGE_EVALUATED", SCHOOL_A, Persona.STAFF_A, null)),
                () -> Persona.STAFF_A.request().body(example("evaluateTriage"))
                        .post("/api/v1/triage/evaluate").then().statusCode(200));
        expect(List.of(Expected.ok("VIEWING_RECORDED", SCHOOL_A, Persona.STAFF_A, incident)),
                () -> Persona.STAFF_A.request().body(example("recordAccidentalViewing"))
                        .post("/api/v1/incidents/" + incident + "/accidental-viewings").then().statusCode(201));
        expect(List.of(Expected.ok("VIEWING_RECORDS_READ", SCHOOL_A, Persona.HEAD_A, incident)),
                () -> Persona.HEAD_A.request().get("/api/v1/incidents/" + incident + "/viewing-records").then().statusCode(200));
        expect(List.of(),
                () -> Persona.STAFF_A.request().get("/api/v1/rulesets").then().statusCode(200));
    }

    @Test
    void everyRefusalIsAuditedOnceFromOnePlace() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        String one = "/api/v1/incidents/{id}";

        expect(List.of(Expected.refused("REFUSED_UNAUTHENTICATED", AuditChains.SYSTEM, null, incident, one)),
                () -> given().get("/api/v1/incidents/" + incident).then().statusCode(401));
        expect(List.of(Expected.refused("REFUSED_FORBIDDEN", SCHOOL_A, Persona.AUDITOR_A.subject(), incident, one)),
                () -> Persona.AUDITOR_A.request().get("/api/v1/incidents/" + incident).then().statusCode(403));
        expect(List.of(Expected.refused("REFUSED_NOT_FOUND", SCHOOL_B, Persona.DSL_B.subject(), incident, one)),
                () -> Persona.DSL_B.request().get("/api/v1/incidents/" + incident).then().statusCode(404));
        expect(List.of(Expected.refused("REFUSED_INVALID", SCHOOL_A, Persona.STAFF_A.subject(), null, "/api/v1/incidents")),
                () -> Persona.STAFF_A.request().body("{\"location\": \"ONLINE\"}").post("/api/v1/incidents").then().statusCode(400));
        expect(List.of(Expected.refused("IMAGE_CONTENT_REFUSED", SCHOOL_A, Persona.STAFF_A.subject(), null, "/api/v1/triage/evaluate")),
                () -> Persona.STAFF_A.request().body("{\"notes\":\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\"}")
                        .post("/api/v1/triage/evaluate").then().statusCode(422));
        expect(List.of(Expected.refused("VIEWING_REFUSED", SCHOOL_A, Persona.DSL_A.subject(), incident,
                        one + "/viewing-exceptions")),
                () -> Persona.DSL_A.request().body("{\"viewedAt\": \"2026-11-20T11:00:00Z\"}")
                        .post("/api/v1/incidents/" + incident + "/viewing-exceptions").then().statusCode(422));
        // Refused before routing and before authentication: no actor, no template, but the refusal is kept.
        expect(List.of(Expected.refused("REFUSED_MEDIA_TYPE", AuditChains.SYSTEM, null, null, null)),
                () -> given().auth().oauth2(Persona.STAFF_A.token()).contentType("image/jpeg").body(new byte[] {1, 2, 3})
                        .post("/api/v1/incidents").then().statusCode(415));
        expect(List.of(Expected.refused("REFUSED_TOO_LARGE", AuditChains.SYSTEM, null, null, null)),
                () -> given().auth().oauth2(Persona.STAFF_A.token()).contentType(ContentType.JSON)
                        .body("{\"account\": \"" + "a".repeat(70_000) + "\"}").post("/api/v1/incidents").then().statusCode(413));
        // A path far longer than any column (and below the server's 4 KB request-line limit, beyond which the HTTP
        // layer answers 414 before the application): the route template is stored, never the path.
        String longId = "x".repeat(3_000);
        expect(List.of(Expected.refused("REFUSED_UNAUTHENTICATED", AuditChains.SYSTEM, null, null, one)),
                () -> given().get("/api/v1/incidents/" + longId).then().statusCode(401));
        expect(List.of(), () -> given().auth().oauth2(Persona.STAFF_A.token()).get("/api/v1/no-such-thing/" + longId)
                .then().statusCode(404));
    }

    @Test
    void theAccessLogShowsWhoSawAnIncidentToItsSchoolOnly() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200);
        Persona.DSL_B.request().get("/api/v1/incidents/" + incident).then().statusCode(404);

        List<String> actions = Persona.HEAD_A.request().get("/api/v1/incidents/" + incident + "/access-log")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("INCIDENT_RECORDED", "INCIDENT_READ"), actions,
                "school B's refused attempt is in school B's chain, not in school A's log");
        Persona.DSL_B.request().get("/api/v1/incidents/" + incident + "/access-log").then().statusCode(404);
        Persona.DSL_A.request().get("/api/v1/incidents/" + UUID.randomUUID() + "/access-log").then().statusCode(404);
        Persona.STAFF_A.request().get("/api/v1/incidents/" + incident + "/access-log").then().statusCode(403);

        List<String> after = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/access-log")
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("INCIDENT_RECORDED", "INCIDENT_READ", "ACCESS_LOG_READ", "REFUSED_FORBIDDEN"), after,
                "reading the access log is itself recorded, and so is a refused attempt on this incident in this school");
    }

    @Test
    void auditorsSearchTheirOwnChainWithFiltersAndCursors() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200);
        }
        var first = Persona.AUDITOR_A.request().queryParam("objectId", incident).queryParam("limit", "2")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("INCIDENT_READ", "INCIDENT_READ"), first.getList("items.action"));
        String cursor = first.getString("nextCursor");
        var second = Persona.AUDITOR_A.request().queryParam("objectId", incident).queryParam("limit", "2")
                .queryParam("cursor", cursor).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("INCIDENT_READ", "INCIDENT_RECORDED"), second.getList("items.action"));
        assertNull(second.getString("nextCursor"));

        var byActor = Persona.AUDITOR_A.request().queryParam("actor", Tokens.ISSUER + " " + Persona.STAFF_A.subject())
                .queryParam("action", "INCIDENT_RECORDED").queryParam("from", "2020-01-01T00:00:00Z")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertTrue(byActor.getList("items.objectId").contains(incident));
        assertTrue(byActor.getList("items.chain").stream().allMatch(SCHOOL_A::equals));

        // School B's events are never in school A's answers.
        Persona.DSL_B.request().get("/api/v1/incidents").then().statusCode(200);
        List<String> chains = Persona.AUDITOR_A.request().queryParam("limit", "200").get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.chain");
        assertFalse(chains.isEmpty());
        assertTrue(chains.stream().allMatch(SCHOOL_A::equals), "only the auditor's chain: " + chains);

        for (String[] bad : new String[][] {{"action", "DELETE_EVERYTHING"}, {"objectKind", "x"}, {"from", "yesterday"},
                {"to", "+300000-01-01T00:00:00Z"}, {"limit", "0"}, {"limit", "1000000000000"}, {"cursor", "-1"},
                {"cursor", "abc"}, {"objectId", "a b"}, {"actor", "x\u0001"}}) {
            Persona.AUDITOR_A.request().queryParam(bad[0], bad[1]).get("/api/v1/audit")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        Persona.DSL_A.request().get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void verifyAnswersForTheCallersChain() {
        Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201);
        var result = Persona.AUDITOR_A.request().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(result.getBoolean("valid"));
        assertTrue(result.getLong("checked") > 0);
        assertNull(result.get("firstBrokenEventId"));
        assertEquals(SCHOOL_A, result.getString("chain"));
        var ranged = Persona.AUDITOR_A.request().queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2999-01-01T00:00:00Z")
                .get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(ranged.getBoolean("valid"));
        Persona.AUDITOR_A.request().queryParam("from", "soon").get("/api/v1/audit/verify").then().statusCode(400);
    }

    private static String example(String operationId) {
        try (var in = AuditTrailTest.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
