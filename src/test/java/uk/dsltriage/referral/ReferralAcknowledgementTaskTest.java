package uk.dsltriage.referral;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.MovableClock;
import uk.dsltriage.support.Persona;

/**
 * A referral the authority has not acknowledged within one working day is an overdue task in the DSL's task list,
 * on the England and Wales calendar; the authority's acknowledgement completes it, and the referral's
 * acknowledgementOverdue flag says the same as the task throughout.
 */
@QuarkusTest
class ReferralAcknowledgementTaskTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUnacknowledgedReferralIsATaskOverdueAfterOneWorkingDayAcrossChristmasAndTheAcknowledgementCompletesIt() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        // Thursday 24 December 2026, noon in London. Friday 25 (Christmas Day) and Monday 28 (Boxing Day, substitute)
        // are bank holidays, and the weekend is between: one working day later is Tuesday 29 December, noon.
        clock.set(Instant.parse("2026-12-24T12:00:00Z"));
        String referral = Persona.DSL_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-xmas", "A", "B").toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201)
                .body("referral.acknowledgementDueBy", equalTo("2026-12-29T12:00:00Z"))
                .extract().path("referral.id");

        Map<String, Object> task = task("OPEN", referral);
        assertNotNull(task, "an open task as soon as the referral is sent");
        assertEquals("REFERRAL_ACKNOWLEDGEMENT", task.get("kind"));
        assertEquals("CSC_S47", task.get("code"));
        assertEquals(incident, task.get("incidentId"));
        assertEquals("2026-12-29T12:00:00Z", task.get("dueAt"));
        assertOverdueFlag(incident, referral, false);

        clock.set(Instant.parse("2026-12-29T11:59:00Z"));
        assertNotNull(task("OPEN", referral), "not overdue over the weekend and the bank holidays");
        assertNull(task("OVERDUE", referral));
        assertOverdueFlag(incident, referral, false);

        clock.set(Instant.parse("2026-12-29T12:01:00Z"));
        assertNotNull(task("OVERDUE", referral), "overdue one working day after sending");
        assertNull(task("OPEN", referral));
        assertOverdueFlag(incident, referral, true);

        // The DSL cannot close it by hand: only the authority's acknowledgement does, so task and flag agree.
        String taskId = (String) task("OVERDUE", referral).get("id");
        Persona.DSL_A.request().body("{\"note\":\"phoned the front door\"}").post("/api/v1/tasks/" + taskId + "/completion")
                .then().statusCode(409).contentType("application/problem+json");

        clock.set(Instant.parse("2026-12-29T15:00:00Z"));
        Persona.LA_OFFICER_1.request().body("{\"laReference\":\"MASH-X\"}").post("/api/v1/la/referrals/" + referral + "/acknowledgement")
                .then().statusCode(200);
        Map<String, Object> done = task("DONE", referral);
        assertNotNull(done, "the acknowledgement completes the task");
        assertEquals("2026-12-29T15:00:00Z", done.get("completedAt"));
        assertEquals(Persona.LA_OFFICER_1.actor(), done.get("completedBy"));
        assertEquals("Acknowledged by local authority " + Fixtures.LA_1 + ".", done.get("completionNote"));
        assertNull(task("OVERDUE", referral));
        assertNull(task(null, referral), "no longer among the tasks not done");
        assertOverdueFlag(incident, referral, false);

        // Acknowledging again changes nothing, and the completed task is not completed again.
        Persona.LA_OFFICER_1.request().body("{}").post("/api/v1/la/referrals/" + referral + "/acknowledgement").then().statusCode(200);
        assertEquals("2026-12-29T15:00:00Z", task("DONE", referral).get("completedAt"));
    }

    @Test
    void anOutcomeWithoutAnAcknowledgementAlsoCompletesTheTask() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_B);
        String referral = Persona.DSL_B.request().body(ReferralFixtures.referral(Fixtures.LA_2, "C-outcome-task", "A", "B").toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201).extract().path("referral.id");
        assertNotNull(taskOf(Persona.DSL_B, "OPEN", referral));
        Persona.LA_OFFICER_2.request().body("{\"contactOutcome\":\"CIN_REFERRAL\"}").post("/api/v1/la/referrals/" + referral + "/outcomes")
                .then().statusCode(201);
        assertNotNull(taskOf(Persona.DSL_B, "DONE", referral), "a decision implies receipt");
        // The other school's DSL never sees it.
        assertNull(taskOf(Persona.DSL_A, "DONE", referral));
    }

    private static void assertOverdueFlag(String incident, String referral, boolean overdue) {
        List<Map<String, Object>> views = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> view = views.stream()
                .filter(v -> referral.equals(((Map<?, ?>) v.get("referral")).get("id"))).findFirst().orElseThrow();
        assertEquals(overdue, view.get("acknowledgementOverdue"));
    }

    private static Map<String, Object> task(String status, String referral) {
        return taskOf(Persona.DSL_A, status, referral);
    }

    /** The acknowledgement task of this referral among the persona's tasks of this status (all pages), or null. */
    private static Map<String, Object> taskOf(Persona dsl, String status, String referral) {
        String cursor = null;
        do {
            var request = dsl.request().queryParam("size", 200);
            if (status != null) {
                request.queryParam("status", status);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/tasks");
            page.then().statusCode(200);
            JsonPath json = page.jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            for (Map<String, Object> item : items) {
                if (referral.equals(item.get("referralId"))) {
                    return item;
                }
            }
            cursor = json.getString("nextCursor");
        } while (cursor != null);
        return null;
    }
}
