package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** The incident page: the record in words, the recommendation with its reasons and sources, scoped and audited as the API. */
@QuarkusTest
class ConsoleIncidentPageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsTheAccountFactsAndRecommendationWithEveryReasonItsCitationAndMark() {
        String id = IncidentPageSupport.recordConcern();
        JsonPath api = Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rules = api.getList("recommendation.firedRules");
        assertFalse(rules.isEmpty(), "the fixture fires rules");

        String page = Persona.DSL_A.page().get("/console/incidents/" + id).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();

        assertTrue(page.contains(IncidentPageSupport.escaped(api.getString("account"))), "the account as text");
        for (String id2 : List.of("id=\"account\"", "id=\"facts\"", "id=\"recommendation\"", "id=\"explanations\"", "id=\"must\"",
                "id=\"must-not\"", "id=\"history\"", "id=\"addenda\"", "id=\"children\"")) {
            assertTrue(page.contains(id2), () -> "the page has " + id2);
        }
        int withMark = 0;
        for (Map<String, Object> rule : rules) {
            assertTrue(page.contains(IncidentPageSupport.escaped((String) rule.get("explanation"))), "every explanation line");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> citations = (List<Map<String, Object>>) rule.get("citations");
            for (Map<String, Object> c : citations) {
                assertTrue(page.contains(IncidentPageSupport.escaped((String) c.get("source"))), "every citation's source");
                assertTrue(page.contains(IncidentPageSupport.escaped((String) c.get("section"))), "every citation's section");
                if (c.get("confidence") != null) {
                    withMark++;
                    assertTrue(page.contains("<span class=\"mark\">" + c.get("confidence") + "</span>: " + meaningOf((String) c.get("confidence"))),
                            "the mark with its meaning in words");
                }
            }
        }
        assertTrue(withMark > 0, "the 2026.1 rule set marks its citations");
        assertTrue(page.contains("<dt>Child depicted under 18</dt><dd>Yes</dd>"), "facts by label, not field name");
        assertTrue(page.contains("<dd>not known</dd>"), "unknown facts say so");
        assertTrue(page.contains("href=\"/console/children/P1\""), "each child links to their chronology");
        assertTrue(page.contains("id=\"record-decision\" class=\"button\" href=\"/console/incidents/" + id + "/decision\""));
        assertTrue(page.contains("class=\"history-recommendation\""), "the first recommendation is in the history");
    }

    @Test
    void anotherSchoolsDslGetsTheNotFoundPageAndStaffAreRefused() {
        String id = IncidentPageSupport.recordConcern();
        Persona.DSL_B.page().get("/console/incidents/" + id).then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("Page not found")).body(not(containsString(Fixtures.SCHOOL_A)));
        Persona.HEAD_B.page().get("/console/incidents/" + id).then().statusCode(404);
        Persona.STAFF_A.page().get("/console/incidents/" + id).then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("You cannot use this page"));
        Persona.DSL_A.page().get("/console/incidents/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void theHeadteacherReadsTheIncidentButIsNotOfferedADecision() {
        String id = IncidentPageSupport.recordConcern();
        Persona.HEAD_A.page().get("/console/incidents/" + id).then().statusCode(200)
                .body(containsString("id=\"explanations\""))
                .body(not(containsString("record-decision")));
        Persona.HEAD_A.page().get("/console/incidents/" + id + "/decision").then().statusCode(403);
    }

    @Test
    void aPageViewLeavesTheSameReadEventAsTheApiRead() {
        String id = IncidentPageSupport.recordConcern();
        long beforeApi = IncidentPageSupport.auditMark(dataSource);
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200);
        List<String> api = IncidentPageSupport.auditAfter(dataSource, beforeApi);

        long beforePage = IncidentPageSupport.auditMark(dataSource);
        Persona.DSL_A.page().get("/console/incidents/" + id).then().statusCode(200);
        List<String> page = IncidentPageSupport.auditAfter(dataSource, beforePage);

        String read = "INCIDENT_READ " + Persona.DSL_A.actor() + " " + id;
        assertEquals(List.of(read), api.stream().filter(e -> e.startsWith("INCIDENT_READ")).toList());
        assertEquals(List.of(read), page.stream().filter(e -> e.startsWith("INCIDENT_READ")).toList(),
                () -> "the page's events: " + page);
        assertTrue(page.contains("DECISIONS_READ " + Persona.DSL_A.actor() + " " + id), "the decisions shown are a read too");
        assertTrue(page.contains("RECOMMENDATIONS_READ " + Persona.DSL_A.actor() + " " + id), "the history shown is a read too");
    }

    @Test
    void aFlashCodeShowsItsMessageAndNothingElseFromTheQuery() {
        String id = IncidentPageSupport.recordConcern();
        Persona.DSL_A.page().queryParam("flash", "decision-recorded").get("/console/incidents/" + id).then().statusCode(200)
                .body(containsString("Decision recorded"));
        Persona.DSL_A.page().queryParam("flash", "<b>hi</b>").get("/console/incidents/" + id).then().statusCode(200)
                .body(not(containsString("<b>hi</b>"))).body(not(containsString("id=\"flash\"")));
    }

    private static String meaningOf(String mark) {
        return switch (mark) {
            case "V" -> "verified";
            case "K" -> "known text";
            case "S" -> "secondary source";
            default -> throw new AssertionError("unknown mark " + mark);
        };
    }
}
