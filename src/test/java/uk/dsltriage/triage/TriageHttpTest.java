package uk.dsltriage.triage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.rules.Recommendation;

@QuarkusTest
class TriageHttpTest {

    @Inject
    EntityManager em;
    @Inject
    TriageService triage;
    @Inject
    RecommendationRepository recommendations;
    @Inject
    TriageStorage storage;

    static final String SEXTORTION = """
            { "occurredAt": "2026-11-20T10:15:00Z", "incidentTypes": ["SEXTORTION"],
              "participants": [ { "ref": "P1", "role": "VICTIM", "ageYears": 15, "isPupilOfSetting": true, "depictedInImage": true } ],
              "facts": { "imagesInvolved": true, "childDepictedUnder18": true, "threatToShareImages": true, "financialDemand": true,
                         "unknownOnlineContact": true },
              "reporter": { "isTeacher": true, "isDsl": false } }
            """;

    @Test
    void dryRunExplainsItselfAndStoresNothingButAnAuditEntry() {
        long incidents = count("incident");
        long stored = count("triage_recommendation");
        long audited = countAudit("TRIAGE_EVALUATED");
        Persona.STAFF_A.request().body(SEXTORTION).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("ruleSetId", equalTo("england-schools"))
                .body("ruleSetVersion", equalTo("2026.1"))
                .body("ruleSetSha256", notNullValue())
                .body("routes", hasItems("POLICE_REFERRAL", "CEOP_REPORT_OPTION", "REPORT_REMOVE_SUPPORT", "DSL_REVIEW"))
                .body("routes", not(hasItem("MANAGE_INTERNALLY_ELIGIBLE")))
                .body("urgency", equalTo("IMMEDIATE"))
                .body("requiredActions", hasItems("ADVISE_DO_NOT_PAY", "ADVISE_STOP_CONTACT_PRESERVE_DETAILS"))
                .body("forbiddenActions", hasItems("VIEW_IMAGE", "COPY_PRINT_SHARE_STORE_IMAGE"))
                .body("firedRules.id", hasItem("R22"))
                .body("firedRules.explanation", everyItem(notNullValue()))
                .body("firedRules.collect { it.citations.size() }", everyItem(greaterThan(0)))
                .body("id", equalTo(null));
        assertEquals(incidents, count("incident"));
        assertEquals(stored, count("triage_recommendation"));
        assertEquals(audited + 1, countAudit("TRIAGE_EVALUATED"));
    }

    @Test
    void intakeStoresAReplayableRecommendation() {
        String id = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .body("recommendation.sequence", equalTo(1))
                .body("recommendation.trigger", equalTo("INTAKE"))
                .body("recommendation.routes", hasItems("DSL_REVIEW", "MANAGE_INTERNALLY_ELIGIBLE"))
                .body("recommendation.routes", not(hasItem("POLICE_REFERRAL")))
                .body("recommendation.dslDecisionRequired", equalTo(true))
                .extract().path("id");
        List<TriageRecommendation> rows = history(UUID.fromString(id));
        assertEquals(1, rows.size());
        TriageRecommendation row = rows.get(0);
        Recommendation stored = triage.storedResult(row);
        assertEquals(tree(row.resultJson), tree(storage.write(StoredResult.of(triage.replay(row)))),
                "replaying the stored facts under the stored version gives the same result");
        assertEquals(stored.ruleSetSha256(), row.ruleSetSha256);
    }

    @Test
    void anAddendumThatChangesTheFactsTriagesAgainAndKeepsHistory() {
        String id = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        String revised = """
                { "account": "P1 now says P2 threatened to share it unless she sent more.",
                  "revisedFacts": %s }
                """.formatted(Fixtures.incident().replace("\"coercionOrBlackmail\": false", "\"coercionOrBlackmail\": true")
                .replaceAll("\"location\": \"ONLINE\",|\"account\": \"[^\"]*\",|\"childVoice\": \"[^\"]*\",", ""));
        Persona.STAFF_A.request().body(revised).post("/api/v1/incidents/" + id + "/addenda").then().statusCode(201);
        Persona.STAFF_A.request().get("/api/v1/incidents/" + id + "/recommendations").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("trigger", equalTo(List.of("INTAKE", "ADDENDUM")))
                .body("[0].routes", hasItem("MANAGE_INTERNALLY_ELIGIBLE"))
                .body("[1].routes", hasItems("POLICE_REFERRAL", "CSC_REFERRAL_S47"))
                .body("[1].routes", not(hasItem("MANAGE_INTERNALLY_ELIGIBLE")))
                .body("[1].urgency", equalTo("IMMEDIATE"));
        Persona.STAFF_A.request().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("facts.facts.coercionOrBlackmail", equalTo(false))
                .body("currentFacts.facts.coercionOrBlackmail", equalTo(true))
                .body("recommendation.sequence", equalTo(2));
        Persona.STAFF_A.request().body(Fixtures.addendum("No change to the facts."))
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(201);
        Persona.STAFF_A.request().get("/api/v1/incidents/" + id + "/recommendations").then().body("size()", equalTo(2));
    }

    @Test
    void aDslCanRetriageUnderANamedVersion() {
        String id = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        Persona.DSL_A.request().body("{\"ruleSetId\":\"england-schools\",\"version\":\"2025.1\"}")
                .post("/api/v1/incidents/" + id + "/retriage").then().statusCode(201)
                .body("trigger", equalTo("RETRIAGE")).body("sequence", equalTo(2));
        Persona.DSL_A.request().body("{\"ruleSetId\":\"england-schools\",\"version\":\"1999.1\"}")
                .post("/api/v1/incidents/" + id + "/retriage").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void ruleSetsArePublishedWithTheirExactHashAndCitations() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/rulesets/england-schools-2025.1.json")) {
            file = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        Persona.STAFF_B.request().get("/api/v1/rulesets").then().statusCode(200)
                .body("ruleSetId", hasItem("england-schools"))
                .body("find { it.version == '2025.1' }.sha256", equalTo(sha))
                .body("find { it.version == '2025.1' }.inForce", equalTo(false))
                .body("find { it.version == '2026.1' }.inForce", equalTo(true));
        Persona.LA_OFFICER_1.request().get("/api/v1/rulesets/england-schools/2025.1").then().statusCode(200)
                .body("sha256", equalTo(sha))
                .body("document.rules.size()", equalTo(59))
                .body("document.rules.id", hasItems("R00", "R11", "R40", "R66", "R67"))
                .body("document.rules.collect { it.citations.size() }", everyItem(greaterThan(0)));
        Persona.STAFF_A.request().get("/api/v1/rulesets/england-schools/0.0").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void evaluationInputIsCheckedStrictly() {
        Persona.STAFF_A.request().body(SEXTORTION.replace("\"financialDemand\": true", "\"financialDemand\": true, \"powerImbalance\": false"))
                .post("/api/v1/triage/evaluate").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("facts.powerImbalance"));
        Persona.STAFF_A.request().body(SEXTORTION.replace("\"SEXTORTION\"", "\"SOMETHING_ELSE\""))
                .post("/api/v1/triage/evaluate").then().statusCode(400).contentType("application/problem+json");
        Persona.STAFF_A.request().body(SEXTORTION.replace("\"ageYears\": 15", "\"ageYears\": \"fifteen\""))
                .post("/api/v1/triage/evaluate").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("participants[0].ageYears"));
        Persona.STAFF_A.request().body("{\"incidentTypes\":[\"SEXTORTION\"]}")
                .post("/api/v1/triage/evaluate").then().statusCode(400).body("errors.field", hasItem("occurredAt"));
        Persona.STAFF_A.request().body(SEXTORTION).queryParam("ruleSetId", "england-schools")
                .post("/api/v1/triage/evaluate").then().statusCode(400);
    }

    @Test
    void unknownTriggersAreListedNotAssumedFalse() {
        String facts = """
                { "occurredAt": "2026-11-20T10:15:00Z", "incidentTypes": ["NUDE_IMAGE_SHARING"],
                  "participants": [ { "ref": "P1", "role": "VICTIM", "ageYears": 14, "depictedInImage": true },
                                    { "ref": "P2", "role": "RECIPIENT" } ],
                  "facts": { "imagesInvolved": true } }
                """;
        Persona.STAFF_A.request().body(facts).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("dslDecisionRequired", equalTo(true))
                .body("missingFacts", hasItem("coercionOrBlackmail"))
                .body("routes", not(hasItem("MANAGE_INTERNALLY_ELIGIBLE")))
                .body("$", hasKey("derivedFacts"));
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<TriageRecommendation> history(UUID id) {
        return recommendations.history(id);
    }

    @Transactional
    long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    @Transactional
    long countAudit(String action) {
        return ((Number) em.createNativeQuery("select count(*) from audit_event where action = ?1")
                .setParameter(1, action).getSingleResult()).longValue();
    }
}
