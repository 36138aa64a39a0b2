package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.dsltriage.plans.ChildSupportHttpTest;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.TwoChildrenTest;

/** A child's page: the chronology in order, the current assessment and safety plan in words; scoped and audited. */
@QuarkusTest
class ConsoleChildPageTest extends TwoChildrenTest {

    private String incident;

    @BeforeEach
    void recordTheIncident() {
        incident = ChildSupportHttpTest.recordSexualAssault(victim, actor);
    }

    @Test
    void theChronologyListsEveryEntryInOrderAndTheCurrentAssessmentAndPlanInWords() {
        clock.advance(Duration.ofMinutes(5));
        post("assessments", ChildSupportHttpTest.assessmentBody(incident, "PROBLEMATIC"));
        clock.advance(Duration.ofMinutes(5));
        post("assessments", ChildSupportHttpTest.assessmentBody(incident, "ABUSIVE").replace("Trusts her form tutor", "Plays in the band"));
        clock.advance(Duration.ofMinutes(5));
        post("safety-plans", ChildSupportHttpTest.planBody(incident, "2027-02-01"));

        List<String> kinds = Persona.DSL_A.request().get("/api/v1/children/" + victim + "/chronology").then().statusCode(200)
                .extract().path("entries.kind");
        String page = Persona.DSL_A.page().get("/console/children/" + victim).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();

        String chronology = page.substring(page.indexOf("<ol id=\"chronology\""), page.indexOf("</ol>", page.indexOf("<ol id=\"chronology\"")));
        List<String> shown = java.util.regex.Pattern.compile("data-kind=\"([A-Z_]+)\"").matcher(chronology).results()
                .map(m -> m.group(1)).toList();
        assertEquals(kinds, shown, "every entry of the API's chronology, in its order");
        assertTrue(chronology.contains("Incident recorded") && chronology.contains("Assessment recorded")
                && chronology.contains("Safety plan recorded"), "kinds in words");
        assertTrue(chronology.contains("href=\"/console/incidents/" + incident + "\""), "a link to the incident");
        assertTrue(chronology.contains("Mon 11 Jan 2027, 09:"), "dates in London time");

        String assessments = section(page, "assessments");
        assertTrue(assessments.contains("version 2") && assessments.contains("Abusive"), "the latest version, its codes in words");
        assertFalse(assessments.contains("version 1"), "only the latest version of each");
        assertTrue(assessments.contains("Plays in the band") && !assessments.contains("Trusts her form tutor"));
        assertTrue(assessments.contains("Social isolation") && assessments.contains("CAMHS"));
        assertTrue(assessments.contains(Persona.DSL_A.actor()), "who recorded it");

        String plans = section(page, "safety-plans");
        assertTrue(plans.contains("Review by <time datetime=\"2027-02-01\">Mon 1 Feb 2027</time>"), plans);
        assertTrue(plans.contains("Restriction: Separate sets (responsible: Head of Year 10)"));
        assertTrue(plans.contains("Withdrawal or missed lessons (responsible: Form tutor)"));
        assertTrue(plans.contains("Weekly check-in (responsible: DSL)"));
        assertFalse(page.contains(actor), "nothing of the other child");
    }

    @Test
    void aHeadteacherSeesThePlansButNotTheChronologyWhichTheApiRefusesThem() {
        post("safety-plans", ChildSupportHttpTest.planBody(incident, "2027-02-01"));
        String page = Persona.HEAD_A.page().get("/console/children/" + victim).then().statusCode(200).extract().asString();
        assertTrue(section(page, "safety-plans").contains("Separate sets"));
        assertFalse(page.contains("id=\"chronology\""));
        assertTrue(page.contains("shown to the designated safeguarding lead only"));
    }

    @Test
    void anotherSchoolGetsTheNotFoundPageAndStaffAreRefused() {
        Persona.DSL_B.page().get("/console/children/" + victim).then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("Page not found")).body(not(containsString(incident)));
        Persona.HEAD_B.page().get("/console/children/" + victim).then().statusCode(404);
        Persona.DSL_A.page().get("/console/children/Z999999").then().statusCode(404).body(containsString("Page not found"));
        Persona.STAFF_A.page().get("/console/children/" + victim).then().statusCode(403).contentType(startsWith("text/html"));
        Persona.DSL_A.page().get("/console/children/not-a-ref").then().statusCode(400).contentType(startsWith("text/html"));
    }

    @Test
    void thePageViewIsAuditedLikeTheApiReads() {
        long mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.request().get("/api/v1/children/" + victim + "/plans").then().statusCode(200);
        Persona.DSL_A.request().get("/api/v1/children/" + victim + "/chronology").then().statusCode(200);
        List<String> api = AuditTrail.after(dataSource, mark, Persona.DSL_A);

        mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.page().get("/console/children/" + victim).then().statusCode(200);
        assertEquals(List.of("CHILD_PLANS_READ CHILD -", "CHRONOLOGY_READ CHILD -"), api);
        assertEquals(api, AuditTrail.after(dataSource, mark, Persona.DSL_A));
    }

    private void post(String what, String body) {
        Persona.DSL_A.request().body(body).post("/api/v1/children/" + victim + "/" + what).then().statusCode(201);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "#" + id);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
