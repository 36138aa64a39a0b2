package uk.dsltriage.triage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** The releases over HTTP: the one in force on an incident's date, labels beside the codes, and the reviewed diff. */
@QuarkusTest
class RuleSetReleasesHttpTest {

    private static String dated(String date) {
        return Fixtures.incident().replace("2026-11-20T10:15:00Z", date + "T10:15:00Z");
    }

    /** The same TC01-like facts as the evaluate body (facts only, no narrative). */
    private static String facts(String date) {
        return """
                { "occurredAt": "%sT10:15:00Z", "incidentTypes": ["NUDE_IMAGE_SHARING"], "sexualViolenceType": "NONE",
                  "victimWishes": "UNKNOWN",
                  "participants": [
                    { "ref": "P1", "role": "VICTIM", "ageYears": 15, "isPupilOfSetting": true, "depictedInImage": true, "hasSEND": false, "consentCapacityConcern": false },
                    { "ref": "P2", "role": "RECIPIENT", "ageYears": 15, "isPupilOfSetting": true, "hasSEND": false, "consentCapacityConcern": false } ],
                  "facts": %s,
                  "reporter": { "isTeacher": true, "isDsl": false } }
                """.formatted(date, Fixtures.tc01Facts());
    }

    @Test
    void anIncidentIsTriagedUnderTheNewestReleaseOfTheEditionInForceOnItsDate() {
        Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key()).body(dated("2026-10-01"))
                .post("/api/v1/incidents").then().statusCode(201)
                .body("recommendation.ruleSetVersion", equalTo("2026.1"));
        Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key()).body(dated("2026-05-01"))
                .post("/api/v1/incidents").then().statusCode(201)
                .body("recommendation.ruleSetVersion", equalTo("2025.2"));
        Persona.STAFF_A.request().body(facts("2026-05-01")).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("ruleSetVersion", equalTo("2025.2"));
        Persona.DSL_A.request().body(facts("2026-10-01")).queryParam("ruleSetId", "england-schools")
                .queryParam("version", "2025.1").post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("ruleSetVersion", equalTo("2025.1"));
    }

    @Test
    void aClientSendingOnly2025FactsKeepsWorkingAndNewFactsAreAccepted() {
        Persona.STAFF_A.request().body(facts("2026-10-01")).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("routes", hasItems("DSL_REVIEW", "MANAGE_INTERNALLY_ELIGIBLE"))
                .body("evaluationErrors.size()", equalTo(0));
        String weapon = """
                { "occurredAt": "2026-10-01T10:15:00Z", "incidentTypes": ["CHILD_TO_CAREGIVER_ABUSE"],
                  "participants": [ { "ref": "P1", "role": "SUBJECT", "ageYears": 15, "isPupilOfSetting": true } ],
                  "facts": { "weaponConcern": true, "dslUnavailable": true, "endToEndEncryptedPlatform": false },
                  "reporter": { "isTeacher": true, "isDsl": false } }
                """;
        Persona.STAFF_A.request().body(weapon).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("ruleSetVersion", equalTo("2026.1"))
                .body("firedRules.id", hasItems("R71", "R72", "R73"))
                .body("routes", hasItems("RISK_AND_NEEDS_ASSESSMENT", "LA_FAMILY_HELP"))
                .body("requiredActions", hasItem("ESCALATE_TO_DEPUTY_DSL_WITHOUT_DELAY"));
    }

    @Test
    void aPersistentPatternOfAbsenceIsAcceptedAndTriagedUnder2026_1Only() {
        String absence = """
                { "occurredAt": "%sT10:15:00Z", "incidentTypes": ["MISSING_EDUCATION"],
                  "participants": [ { "ref": "P1", "role": "VICTIM", "ageYears": 13, "isPupilOfSetting": true } ],
                  "facts": { "persistentAbsencePattern": true, "whereaboutsUnknown": false, "unexplainedAbsenceDays": 2 },
                  "reporter": { "isTeacher": true, "isDsl": false } }
                """;
        Persona.STAFF_A.request().body(absence.formatted("2026-10-01")).post("/api/v1/triage/evaluate").then()
                .statusCode(200).body("ruleSetVersion", equalTo("2026.1"))
                .body("firedRules.id", hasItem("R78")).body("firedRules.id", not(hasItem("R61")))
                .body("routes", hasItems("DSL_REVIEW", "COMMUNITY_EARLY_HELP"))
                .body("labels.routes.COMMUNITY_EARLY_HELP.label", notNullValue());
        Persona.STAFF_A.request().body(absence.formatted("2026-05-01")).post("/api/v1/triage/evaluate").then()
                .statusCode(200).body("ruleSetVersion", equalTo("2025.2"))
                .body("firedRules.id", not(hasItem("R78")));
    }

    @Test
    void aRecommendationCarriesLabelsBesideItsCodes() {
        Persona.STAFF_A.request().body(facts("2026-10-01")).post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("labels.routes.DSL_REVIEW.label", equalTo("DSL review"))
                .body("labels.routes.MANAGE_INTERNALLY_ELIGIBLE.description", notNullValue())
                .body("labels.forbiddenActions.VIEW_IMAGE.label", equalTo("Do not view the image"))
                .body("labels.urgency.label", notNullValue())
                .body("firedRules[0].citations[0].edition", notNullValue())
                .body("firedRules[0].citations[0].confidence", notNullValue());
        // 2025.1 stays byte-identical, so its codes read the words of the first labelled release.
        Persona.DSL_A.request().body(facts("2026-10-01")).queryParam("ruleSetId", "england-schools")
                .queryParam("version", "2025.1").post("/api/v1/triage/evaluate").then().statusCode(200)
                .body("labels.routes.DSL_REVIEW.label", equalTo("DSL review"));
        Persona.LA_OFFICER_1.request().get("/api/v1/rulesets/england-schools/2026.1").then().statusCode(200)
                .body("labels.routes.CSC_REFERRAL_S17.label", equalTo("Family Help (section 17)"))
                .body("document.rules.collect { it.citations.collect { c -> c.confidence } }.flatten()",
                        everyItem(notNullValue()));
    }

    @Test
    void theChangesBetweenTwoVersionsAreListedWithTheirReasons() {
        Persona.STAFF_B.request().queryParam("from", "2025.1").get("/api/v1/rulesets/england-schools/2025.2/changes")
                .then().statusCode(200)
                .body("from", equalTo("2025.1")).body("to", equalTo("2025.2"))
                .body("added.id", hasItems("R28", "R29", "R39", "R68"))
                .body("removed.size()", equalTo(0))
                .body("changed.find { it.id == 'R10' }.fields", hasItem("explanation"))
                .body("changed.find { it.id == 'R10' }.amendment", equalTo("A2"))
                .body("added.find { it.id == 'R28' }.reason", notNullValue());
        Persona.LA_OFFICER_1.request().get("/api/v1/rulesets/england-schools/2026.1/changes").then().statusCode(200)
                .body("from", equalTo("2025.2"))
                .body("added.id", hasItems("R70", "R72"))
                .body("changed.id", not(hasItem("R04")));
        // Across two releases the diff is computed; the change files explain adjacent pairs only.
        Persona.STAFF_A.request().queryParam("from", "2025.1").get("/api/v1/rulesets/england-schools/2026.1/changes")
                .then().statusCode(200).body("summary", nullValue()).body("added.id", hasItems("R28", "R72"));
        Persona.STAFF_A.request().queryParam("from", "2025.1").get("/api/v1/rulesets/england-schools/1999.1/changes")
                .then().statusCode(404).contentType("application/problem+json");
        Persona.STAFF_A.request().queryParam("from", "1999.1").get("/api/v1/rulesets/england-schools/2026.1/changes")
                .then().statusCode(404).contentType("application/problem+json");
        Persona.STAFF_A.request().queryParam("from", "last year").get("/api/v1/rulesets/england-schools/2026.1/changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2025.1").get("/api/v1/rulesets/england-schools/2025.2/changes").then().statusCode(401);
    }
}
