package uk.dsltriage.plans;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.TwoChildrenTest;

/**
 * Issue 14 end to end: assessments and safety plans for both children of one incident, versioned; the review date as
 * a task (overdue with a moved clock); the review flag raised by new information about the child; the link from the
 * recommendation's required actions; scoping, auditing and refused input.
 */
@QuarkusTest
public class ChildSupportHttpTest extends TwoChildrenTest {

    @Test
    void bothChildrenGetAssessmentsAndPlansThatAreSupersededNeverOverwritten() {
        String incident = recordSexualAssault(victim, actor);

        // The recommendation asks for an assessment and support of both children; nothing is recorded yet.
        Response before = Persona.DSL_A.request().get("/api/v1/incidents/" + incident);
        before.then().statusCode(200)
                .body("recommendation.routes", hasItem("RISK_AND_NEEDS_ASSESSMENT"))
                .body("childrenSupport", hasSize(2))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.concern", equalTo("HARMED"))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.requiredBy", hasItem("SUPPORT_VICTIM"))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.missing", contains("ASSESSMENT", "SAFETY_PLAN"))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.concern", equalTo("DISPLAYED_BEHAVIOUR"))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.requiredBy", hasItem("SUPPORT_ALLEGED_PERPETRATOR"))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.missing", contains("ASSESSMENT", "SAFETY_PLAN"));
        // Staff who recorded it see the incident but not whether plans exist.
        Persona.STAFF_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("childrenSupport", nullValue());

        String first = assessment(victim, incident, "PROBLEMATIC").then().statusCode(201)
                .header("Location", "/api/v1/children/" + victim + "/plans")
                .body("kind", equalTo("ASSESSMENT")).body("version", equalTo(1)).body("supersedesId", nullValue())
                .body("assessment.continuumPosition", equalTo("PROBLEMATIC"))
                .body("recordedBy", equalTo(Persona.DSL_A.actor()))
                .extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        String second = assessment(victim, incident, "ABUSIVE").then().statusCode(201)
                .body("version", equalTo(2)).body("supersedesId", equalTo(first)).extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        String actorAssessment = assessment(actor, incident, "ABUSIVE").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        String victimPlan = plan(victim, incident, "2027-02-01").then().statusCode(201)
                .body("kind", equalTo("SAFETY_PLAN")).body("version", equalTo(1))
                .body("safetyPlan.reviewBy", equalTo("2027-02-01"))
                .body("safetyPlan.supervision[0].type", equalTo("RESTRICTION"))
                .body("reviewTask.taskId", notNullValue())
                .extract().path("id");
        clock.advance(Duration.ofMinutes(5));
        String actorPlan = plan(actor, incident, "2027-02-01").then().statusCode(201).extract().path("id");

        // The incident now links each child to their current records.
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200)
                .body("childrenSupport.find { it.ref == '" + victim + "' }.assessmentId", equalTo(second))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.assessmentVersion", equalTo(2))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.safetyPlanId", equalTo(victimPlan))
                .body("childrenSupport.find { it.ref == '" + victim + "' }.missing", empty())
                .body("childrenSupport.find { it.ref == '" + actor + "' }.assessmentId", equalTo(actorAssessment))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.safetyPlanId", equalTo(actorPlan))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.missing", empty());

        // Every version is kept, oldest first; the first assessment is superseded, not changed.
        JsonPath plans = Persona.DSL_A.request().get("/api/v1/children/" + victim.toLowerCase() + "/plans")
                .then().statusCode(200).body("childRef", equalTo(victim)).extract().jsonPath();
        assertEquals(List.of(first, second, victimPlan), plans.getList("records.id"));
        assertEquals(List.of(false, true, true), plans.getList("records.current"));
        assertEquals(second, plans.getString("records[0].supersededById"));
        assertEquals("PROBLEMATIC", plans.getString("records[0].assessment.continuumPosition"));
        assertEquals("ABUSIVE", plans.getString("records[1].assessment.continuumPosition"));
        Persona.HEAD_A.request().get("/api/v1/children/" + actor + "/plans").then().statusCode(200)
                .body("records.id", contains(actorAssessment, actorPlan));

        // The chronology shows them in time order among the incident's own events.
        JsonPath chronology = Persona.DSL_A.request().get("/api/v1/children/" + victim + "/chronology")
                .then().statusCode(200).extract().jsonPath();
        List<String> kinds = chronology.getList("entries.kind");
        List<String> records = chronology.getList("entries.recordId");
        assertTrue(kinds.indexOf("INCIDENT_RECORDED") < records.indexOf(first));
        assertTrue(records.indexOf(first) < records.indexOf(second) && records.indexOf(second) < records.indexOf(victimPlan));
        assertEquals("ASSESSMENT_RECORDED", kinds.get(records.indexOf(second)));
        assertEquals("SAFETY_PLAN_RECORDED", kinds.get(records.indexOf(victimPlan)));
        assertTrue(!records.contains(actorAssessment), "the other child's records are not in this child's chronology");
    }

    @Test
    void theReviewDateIsATaskThatFallsOverdueAndANewVersionCompletesIt() {
        String incident = recordSexualAssault(victim, actor);
        String planId = plan(victim, incident, "2027-01-18").then().statusCode(201)
                .body("reviewTask.dueAt", equalTo("2027-01-18T17:00:00Z")).extract().path("id");

        java.util.Map<String, Object> task = task(Persona.DSL_A, "OPEN", planId);
        assertEquals("SAFETY_PLAN_REVIEW", task.get("kind"));
        assertEquals("SAFETY_PLAN_REVIEW", task.get("code"));
        assertEquals("Safety plan review", task.get("label"));
        assertEquals(incident, task.get("incidentId"));
        assertEquals("2027-01-18T17:00:00Z", task.get("dueAt"));
        assertEquals("OPEN", task.get("status"));

        clock.set(Instant.parse("2027-01-18T17:00:01Z"));
        assertEquals("OVERDUE", task(Persona.DSL_A, "OVERDUE", planId).get("status"));
        assertEquals(null, task(Persona.DSL_A, "OPEN", planId));

        // Reviewing the plan is recording its next version: the old task is done, the new date is a new task.
        String next = plan(victim, incident, "2027-03-01").then().statusCode(201)
                .body("version", equalTo(2)).body("supersedesId", equalTo(planId)).extract().path("id");
        assertEquals(Persona.DSL_A.actor(), task(Persona.DSL_A, "DONE", planId).get("completedBy"));
        assertEquals(null, task(Persona.DSL_A, "OVERDUE", planId));
        assertEquals("2027-03-01T17:00:00Z", task(Persona.DSL_A, "OPEN", next).get("dueAt"));
        // Staff and another school see no such task.
        Persona.STAFF_A.request().get("/api/v1/tasks").then().statusCode(403);
        assertEquals(null, task(Persona.DSL_B, "OPEN", next));
    }

    /** The task about this record in the persona's list of that status, paging through every page; null if absent. */
    private static java.util.Map<String, Object> task(Persona persona, String status, String subjectId) {
        String cursor = null;
        do {
            JsonPath page = persona.request().queryParam("status", status).queryParam("size", 200)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/tasks").then().statusCode(200).extract().jsonPath();
            List<java.util.Map<String, Object>> items = page.getList("items");
            for (java.util.Map<String, Object> item : items) {
                if (subjectId.equals(item.get("subjectId"))) {
                    return item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return null;
    }

    @Test
    void aNewIncidentOrAddendumAboutTheChildFlagsTheCurrentPlanInTheQueue() {
        String incident = recordSexualAssault(victim, actor);
        String planId = plan(victim, incident, "2027-02-01").then().statusCode(201).extract().path("id");
        assertTrue(flagged(planId) == null, "a fresh plan is not flagged");

        clock.advance(Duration.ofHours(2));
        // New information: another incident about the same child (a different child in the other role).
        String later = recordSexualAssault(victim, fresh("C"));
        JsonPath flag = flagged(planId);
        assertEquals("SAFETY_PLAN", flag.getString("kind"));
        assertEquals(later, flag.getString("raisedByIncidentId"));
        assertEquals(incident, flag.getString("incidentId"));
        assertEquals(victim, flag.getString("childRef"));
        Persona.DSL_A.request().get("/api/v1/children/" + victim + "/plans").then().statusCode(200)
                .body("records.find { it.id == '" + planId + "' }.reviewFlag.raisedByIncidentId", equalTo(later));
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then()
                .body("childrenSupport.find { it.ref == '" + victim + "' }.safetyPlanFlaggedForReview", equalTo(true))
                .body("childrenSupport.find { it.ref == '" + actor + "' }.safetyPlanFlaggedForReview", equalTo(false));

        // The DSL reviews it: a new version clears the flag.
        clock.advance(Duration.ofHours(1));
        String reviewed = plan(victim, incident, "2027-02-15").then().statusCode(201).extract().path("id");
        assertTrue(flagged(planId) == null && flagged(reviewed) == null, "the reviewed plan is no longer flagged");

        // An addendum to an incident about the child flags it again.
        clock.advance(Duration.ofHours(1));
        Persona.DSL_A.request().body(Fixtures.addendum("She says the messages have started again."))
                .post("/api/v1/incidents/" + incident + "/addenda").then().statusCode(201);
        assertEquals(incident, flagged(reviewed).getString("raisedByIncidentId"));
        // Another school's queue never shows it.
        Persona.DSL_B.request().get("/api/v1/review-queue").then().statusCode(200)
                .body("flaggedForReview.recordId", not(hasItem(reviewed)));
    }

    @Test
    void onlyTheSchoolsDslRecordsAndOnlyItsDslAndHeadteacherRead() {
        String incident = recordSexualAssault(victim, actor);
        assessment(victim, incident, "PROBLEMATIC").then().statusCode(201);

        Persona.STAFF_A.request().body(assessmentBody(incident, "PROBLEMATIC")).post(path(victim, "assessments"))
                .then().statusCode(403).contentType("application/problem+json");
        Persona.HEAD_A.request().body(planBody(incident, "2027-02-01")).post(path(victim, "safety-plans")).then().statusCode(403);
        Persona.LA_OFFICER_1.request().get(path(victim, "plans")).then().statusCode(403);
        Persona.STAFF_A.request().get(path(victim, "plans")).then().statusCode(403);
        // Another school: its incident and its child are not found, exactly like missing ones.
        Persona.DSL_B.request().body(assessmentBody(incident, "PROBLEMATIC")).post(path(victim, "assessments"))
                .then().statusCode(404).contentType("application/problem+json");
        Persona.DSL_B.request().body(planBody(incident, "2027-02-01")).post(path(victim, "safety-plans")).then().statusCode(404);
        Persona.DSL_B.request().get(path(victim, "plans")).then().statusCode(404);
        Persona.HEAD_B.request().get(path(victim, "plans")).then().statusCode(404);
        Persona.DSL_A.request().get(path("Z999999", "plans")).then().statusCode(404);
        assertEquals(1, count("select count(*) from child_support_record where child_ref = '" + victim + "'"));

        long mark = count("select coalesce(max(id), 0) from audit_event");
        Persona.HEAD_A.request().get(path(victim, "plans")).then().statusCode(200);
        assertEquals(1, count("select count(*) from audit_event where id > " + mark + " and action = 'CHILD_PLANS_READ' and actor = '"
                + Persona.HEAD_A.actor() + "' and school_urn = '" + Fixtures.SCHOOL_A + "'"));
    }

    @Test
    void identityFieldsImagesAndBadValuesAreRefusedAndStoreNothing() {
        String incident = recordSexualAssault(victim, actor);
        String valid = assessmentBody(incident, "PROBLEMATIC");
        List<String> refused = List.of(
                valid.replace("\"typology\"", "\"childName\": \"Alex Sample\", \"typology\""),
                valid.replace("\"typology\"", "\"dateOfBirth\": \"2011-04-02\", \"typology\""),
                valid.replace("\"typology\"", "\"address\": \"1 Example Road\", \"typology\""),
                valid.replace("\"PROBLEMATIC\"", "\"SEVERE\""),
                valid.replace("\"SOCIAL_ISOLATION\"", "\"POVERTY\""),
                valid.replace("\"childViews\": \"", "\"childViews\": \"" + "x".repeat(5_001)),
                valid.replace("\"childViews\": \"She wants it gone.\",", ""),
                valid.replace("\"childViews\": \"She wants it gone.\"",
                        "\"childViews\": \"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYHBwYHCAkKCgkJCAoKDAwMDAwKDAwM\""));
        for (String body : refused) {
            int status = Persona.DSL_A.request().body(body).post(path(victim, "assessments")).statusCode();
            assertTrue(status == 400 || status == 422, "refused with a client error, got " + status);
        }
        // A child who is not a participant of the incident, and out-of-range review dates.
        Persona.DSL_A.request().body(valid).post(path("Q123456", "assessments")).then().statusCode(400)
                .contentType("application/problem+json");
        Persona.DSL_A.request().body(valid).post("/api/v1/children/Alex%20Sample/assessments").then().statusCode(400);
        Persona.DSL_A.request().body(planBody(incident, "2027-01-10")).post(path(victim, "safety-plans")).then().statusCode(400);
        Persona.DSL_A.request().body(planBody(incident, "2028-02-01")).post(path(victim, "safety-plans")).then().statusCode(400);
        Persona.DSL_A.request().body(planBody(incident, "2027-02-01").replaceAll("\\[\\s*\\{[^\\]]*\\]", "[]"))
                .post(path(victim, "safety-plans")).then().statusCode(400);
        assertEquals(0, count("select count(*) from child_support_record where child_ref in ('" + victim + "', 'Q123456')"));
        assertEquals(0, count("select count(*) from review_task where kind = 'SAFETY_PLAN_REVIEW' and incident_id = '" + incident + "'"));
    }

    @Test
    void everyFieldWithAWrongValueIsAClientErrorNeverAServerError() throws Exception {
        String incident = recordSexualAssault(victim, actor);
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> wrong = List.of("null", "123", "\"x\"", "[]", "{}", "[null]", "[{}]", "true", "\"2027-13-45\"");
        List<String> failures = new java.util.ArrayList<>();
        for (var endpoint : java.util.Map.of("assessments", assessmentBody(incident, "PROBLEMATIC"),
                "safety-plans", planBody(incident, "2027-02-01")).entrySet()) {
            com.fasterxml.jackson.databind.node.ObjectNode valid =
                    (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(endpoint.getValue());
            List<String> fields = new java.util.ArrayList<>();
            valid.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                for (String value : wrong) {
                    var mutant = valid.deepCopy();
                    mutant.set(field, mapper.readTree(value));
                    Response response = Persona.DSL_A.request().body(mapper.writeValueAsString(mutant)).post(path(victim, endpoint.getKey()));
                    if (response.statusCode() >= 500
                            || response.statusCode() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                        failures.add(endpoint.getKey() + " " + field + "=" + value + " -> " + response.statusCode());
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAVersion() throws SQLException {
        String incident = recordSexualAssault(victim, actor);
        String id = assessment(victim, incident, "PROBLEMATIC").then().statusCode(201).extract().path("id");
        for (String sql : List.of("update child_support_record set content = '{}' where id = '" + id + "'",
                "update child_support_record set version = 9 where id = '" + id + "'",
                "delete from child_support_record where id = '" + id + "'")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
            }
        }
        assertEquals(1, count("select count(*) from child_support_record where id = '" + id + "' and version = 1"));
    }

    private JsonPath flagged(String planId) {
        JsonPath queue = Persona.DSL_A.request().get("/api/v1/review-queue").then().statusCode(200).extract().jsonPath();
        List<String> ids = queue.getList("flaggedForReview.recordId");
        int at = ids == null ? -1 : ids.indexOf(planId);
        return at < 0 ? null : new JsonPath(queue.prettify()).setRootPath("flaggedForReview[" + at + "]");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(String ref, String what) {
        return "/api/v1/children/" + ref + "/" + what;
    }

    public static String recordSexualAssault(String victim, String actor) {
        String body = Fixtures.incident("After PE, one pupil touched another sexually without consent.")
                .replace("\"2026-11-20T10:15:00Z\"", "\"2027-01-08T10:15:00Z\"")
                .replace("\"ONLINE\"", "\"ON_SITE\"")
                .replace("[\"NUDE_IMAGE_SHARING\"]", "[\"SEXUAL_VIOLENCE\"]")
                .replace("\"sexualViolenceType\": \"NONE\"", "\"sexualViolenceType\": \"SEXUAL_ASSAULT\"")
                .replace("\"role\": \"RECIPIENT\"", "\"role\": \"SUBJECT\"")
                .replace("\"P1\"", "\"" + victim + "\"")
                .replace("\"P2\"", "\"" + actor + "\"");
        return Persona.STAFF_A.request().body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static Response assessment(String ref, String incident, String continuum) {
        return Persona.DSL_A.request().body(assessmentBody(incident, continuum)).post(path(ref, "assessments"));
    }

    private static Response plan(String ref, String incident, String reviewBy) {
        return Persona.DSL_A.request().body(planBody(incident, reviewBy)).post(path(ref, "safety-plans"));
    }

    public static String assessmentBody(String incident, String continuum) {
        return """
                { "incidentId": "%s", "typology": "OFFLINE_ONLY", "continuumPosition": "%s",
                  "vulnerabilityFactors": ["SOCIAL_ISOLATION"], "protectiveFactors": ["Trusts her form tutor"],
                  "childViews": "She wants it gone.", "parentsInvolvement": "Mother met the DSL and agreed the plan.",
                  "specialistSupport": ["AIM_ASSESSMENT", "CAMHS"], "formulation": "No earlier concerns online or offline." }
                """.formatted(incident, continuum);
    }

    public static String planBody(String incident, String reviewBy) {
        return """
                { "incidentId": "%s",
                  "supervision": [ { "type": "RESTRICTION", "description": "Separate sets", "responsible": "Head of Year 10" } ],
                  "monitoring": [ { "description": "Withdrawal or missed lessons", "responsible": "Form tutor" } ],
                  "support": [ { "description": "Weekly check-in", "responsible": "DSL" } ],
                  "childViews": "Only staff who need to know are told.", "reviewBy": "%s" }
                """.formatted(incident, reviewBy);
    }
}
