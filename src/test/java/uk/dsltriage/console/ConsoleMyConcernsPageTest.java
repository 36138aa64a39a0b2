package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** "Concerns I recorded": the API's list, scoped and audited as the API's, as a table. */
@QuarkusTest
class ConsoleMyConcernsPageTest {

    private static final String PAGE = "/console/concerns";
    private static final String ACCOUNT = "Told at lunch by P7 that an older pupil asked her for photos.";

    @Test
    void staffSeeWhatTheyRecordedAndNothingElse() {
        String mine = record(Persona.STAFF_A);
        String colleagues = record(Persona.STAFF_A2);

        String html = Persona.STAFF_A.page().get(PAGE).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<table id=\"my-concerns\""))
                .body(containsString("<h1>Concerns I recorded</h1>"))
                .extract().asString();
        assertContainsRow(html, mine);
        assertEquals(-1, html.indexOf(colleagues), "a colleague's concern is not listed to staff, as in the API");
        assertEquals(-1, html.indexOf("older pupil asked"), "no narrative in the list");
        assertEquals(-1, html.indexOf("/console/incidents/"), "staff get no link to the DSL's incident page");
    }

    @Test
    void eachRowShowsWhenTypesStatusAndUrgencyAsText() {
        String id = record(Persona.STAFF_A);
        String row = row(Persona.STAFF_A.page().get(PAGE).then().statusCode(200).extract().asString(), id);
        // The urgency in the words of the rule set the concern was triaged under, as the incident page shows it.
        String urgency = Persona.STAFF_A.request().get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("recommendation.labels.urgency.label");
        assertTrue(row.contains("Fri 20 Nov 2026, 10:15"), "occurred, London time: " + row);
        assertTrue(row.contains("Nude image sharing"), "type label: " + row);
        assertTrue(row.contains("Awaiting DSL review"), "status label: " + row);
        assertTrue(row.contains(">" + IncidentPageSupport.escaped(urgency) + "</span>"), "urgency label: " + row);
    }

    @Test
    void aDslSeesTheSchoolsConcernsAndAnotherSchoolSeesNone() {
        String id = record(Persona.STAFF_A);
        String dsl = Persona.DSL_A.page().get(PAGE).then().statusCode(200)
                .body(containsString("Concerns recorded at your school"))
                .body(containsString("href=\"/console/incidents/" + id + "\""))
                .extract().asString();
        assertContainsRow(dsl, id);
        Persona.STAFF_B.page().get(PAGE).then().statusCode(200).body(not(containsString(id)));
        Persona.DSL_B.page().get(PAGE).then().statusCode(200).body(not(containsString(id)));
    }

    @Test
    void othersAreRefused() {
        Persona.LA_OFFICER_1.page().get(PAGE).then().statusCode(403).contentType(startsWith("text/html"));
        Persona.AUDITOR_A.page().get(PAGE).then().statusCode(403);
        RestAssured.given().accept(ContentType.HTML).redirects().follow(false).get(PAGE).then().statusCode(401);
    }

    @Test
    void aPageViewLeavesTheSameAuditEventAsTheApiList() {
        Persona viewer = Persona.STAFF_A2;
        String from = Instant.now().minus(1, ChronoUnit.SECONDS).toString();
        viewer.request().get("/api/v1/incidents").then().statusCode(200);
        List<Map<String, Object>> afterApi = listed(viewer, from);
        assertEquals(1, afterApi.size(), "the API list is audited once");

        viewer.page().get(PAGE).then().statusCode(200);
        List<Map<String, Object>> afterPage = listed(viewer, from);
        assertEquals(2, afterPage.size(), "the page view is audited once more");
        Map<String, Object> api = afterApi.get(0);
        Map<String, Object> page = afterPage.stream().filter(e -> !e.get("id").equals(api.get("id"))).findFirst().orElseThrow();
        for (String field : List.of("action", "objectKind", "objectId", "actor", "roles", "schoolUrn", "outcome", "chain")) {
            assertEquals(api.get(field), page.get(field), field + " as the API's");
        }
    }

    private static List<Map<String, Object>> listed(Persona viewer, String from) {
        return Persona.AUDITOR_A.request().queryParam("actor", viewer.actor()).queryParam("action", "INCIDENT_LISTED")
                .queryParam("from", from).get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static String record(Persona persona) {
        return persona.request().header("Idempotency-Key", Fixtures.key()).body(Fixtures.incident(ACCOUNT))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static void assertContainsRow(String html, String id) {
        assertTrue(html.contains("<tr data-incident-id=\"" + id + "\">"), "row for " + id);
    }

    private static String row(String html, String id) {
        int start = html.indexOf("<tr data-incident-id=\"" + id + "\">");
        assertTrue(start >= 0, "row for " + id);
        return html.substring(start, html.indexOf("</tr>", start));
    }
}
