package uk.dsltriage.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.review.Labels;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Tokens;

/**
 * Every console page words routes, actions and urgencies as the rule set the record was triaged under does: the
 * decision's routes and the earlier recommendations in the history, a downgrade's removed routes, the decision form's
 * choices, tasks, the child's chronology, the concerns list and the alerts. A fresh school, so each page holds only
 * this concern: referred as recommended, then downgraded by later information.
 */
@QuarkusTest
class ConsoleRuleSetWordsTest {

    private static final Pattern SPAN_ROUTE = Pattern.compile("<span data-route=\"(\\w+)\">([^<]*)</span>");
    private static final Pattern CHOICE = Pattern.compile("<label for=\"((?:routes|actions)-\\w+)\">([^<]*?) ?<");

    private final String school = String.valueOf(ThreadLocalRandom.current().nextInt(8_000_000, 9_000_000));
    private final String staff = Tokens.forSchool("staff-words-" + school, school, "staff");
    private final String dsl = Tokens.forSchool("dsl-words-" + school, school, "dsl");

    @Test
    void everyPageWordsRoutesActionsAndUrgenciesInTheRuleSetsWords() {
        String id = given().auth().oauth2(staff).contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body(Fixtures.incident().replace("\"immediateRiskOfHarm\": false", "\"immediateRiskOfHarm\": true"))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        JsonPath first = api("/api/v1/incidents/" + id).setRootPath("recommendation");
        String version = first.getString("ruleSetVersion");
        Map<String, String> routes = CodeWords.labels(version, "routes");
        Map<String, String> actions = CodeWords.labels(version, "requiredActions");
        Map<String, String> urgencies = CodeWords.labels(version, "urgencies");
        List<String> firstRoutes = first.getList("routes");
        assertTrue(firstRoutes.contains("CSC_REFERRAL_S47") && firstRoutes.contains("POLICE_REFERRAL"), "the fixture refers: " + firstRoutes);
        assertFalse(routes.get("CSC_REFERRAL_S47").equals(Labels.of("CSC_REFERRAL_S47")), "the rule set words the route its own way");

        String form = page("/console/incidents/" + id + "/decision");
        CodeWords.assertNoneShown(form, "the decision form");
        Map<String, String> choices = CodeWords.matches(CHOICE, form);
        routes.forEach((code, label) -> assertEquals(escaped(label), choices.get("routes-" + code), "the route choice " + code));
        actions.forEach((code, label) -> assertEquals(escaped(label), choices.get("actions-" + code), "the action choice " + code));

        Decisions.referAsRecommended(dsl, id);
        given().auth().oauth2(dsl).contentType(ContentType.JSON).header("Idempotency-Key", Fixtures.key())
                .body("{ \"account\": \"The pupil is safe at home now.\", "
                        + "\"factsPatch\": { \"facts\": { \"immediateRiskOfHarm\": false } } }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(201);
        JsonPath review = api("/api/v1/incidents/" + id + "/review");
        List<String> removed = review.getList("downgrade.removedRoutes");
        assertTrue(removed.contains("POLICE_REFERRAL"), "the later information removed routes: " + removed);
        String firstUrgency = urgencies.get(first.getString("urgency"));
        assertTrue(List.of("IMMEDIATE", "EMERGENCY_NOW").contains(first.getString("urgency")), "the fixture alerts the DSLs");
        String currentUrgency = urgencies.get(review.getString("urgency.code"));

        String incident = page("/console/incidents/" + id);
        CodeWords.assertNoneShown(incident, "the incident page");
        String history = section(incident, "<ol id=\"history\"", "</ol>");
        Map<String, String> historyRoutes = CodeWords.matches(SPAN_ROUTE, history);
        assertTrue(historyRoutes.keySet().containsAll(firstRoutes), "the decision and the first recommendation list their routes");
        historyRoutes.forEach((code, label) -> assertEquals(escaped(routes.get(code)), label, "the history words " + code));
        assertTrue(history.contains(escaped(firstUrgency) + "; routes"), "the first recommendation's urgency");
        String downgrade = section(incident, "<div id=\"downgrade\"", "</div>");
        removed.forEach(code -> assertTrue(downgrade.contains(escaped(routes.get(code))), "removed " + code + ": " + downgrade));
        if (review.getString("downgrade.previousUrgency") != null) {
            assertTrue(downgrade.contains("from " + escaped(urgencies.get(review.getString("downgrade.previousUrgency")))
                    + " to " + escaped(currentUrgency)), downgrade);
        }
        String tasks = section(incident, "<table id=\"incident-tasks\"", "</table>");
        List<Map<String, String>> taskViews = review.getList("tasks");
        assertTrue(taskViews.stream().anyMatch(t -> t.get("kind").equals("REQUIRED_ACTION")), "the decision's actions are tasks");
        for (Map<String, String> task : taskViews) {
            String words = task.get("kind").equals("ROUTE") ? routes.get(task.get("code"))
                    : task.get("kind").equals("REQUIRED_ACTION") ? actions.get(task.get("code")) : null;
            if (words != null) {
                assertEquals(words, task.get("label"), "the API words the task " + task.get("code"));
                assertTrue(tasks.contains("<td>" + escaped(words) + "</td>"), task.get("code") + ": " + tasks);
            }
        }
        review.<String>getList("decisions[0].routes.code").forEach(code -> assertEquals(routes.get(code),
                review.getString("decisions[0].routes.find { it.code == '" + code + "' }.label"), "the API words the decision's " + code));

        String taskPage = page("/console/tasks");
        CodeWords.assertNoneShown(taskPage, "the tasks page");
        assertTrue(taskPage.contains(escaped(routes.get("POLICE_REFERRAL")) + " <span class=\"status\">Urgency: "
                + escaped(firstUrgency) + "</span>"), "a route's task and its urgency in words");

        String child = page("/console/children/P1");
        CodeWords.assertNoneShown(child, "the child's page");
        String chronology = section(child, "<ol id=\"chronology\"", "</ol>");
        assertTrue(chronology.contains(escaped(routes.get("CSC_REFERRAL_S47"))), chronology);
        assertTrue(chronology.contains(escaped(firstUrgency)), "the recommendation's urgency: " + chronology);

        String concerns = page("/console/concerns");
        CodeWords.assertNoneShown(concerns, "the concerns list");
        assertTrue(section(concerns, "<tr data-incident-id=\"" + id + "\"", "</tr>")
                .contains(">" + escaped(currentUrgency) + "</span>"), "the current urgency in words");

        String alerts = page("/console/alerts");
        CodeWords.assertNoneShown(alerts, "the alerts page");
        assertTrue(alerts.contains(">" + escaped(firstUrgency) + "</span>"), "the urgent concern's alert");

        CodeWords.assertNoneShown(page("/console/queue"), "the queue");
    }

    private String page(String path) {
        return given().auth().oauth2(dsl).accept(ContentType.HTML).redirects().follow(false).get(path).then().statusCode(200)
                .extract().asString();
    }

    private JsonPath api(String path) {
        RequestSpecification request = given().auth().oauth2(dsl).accept(ContentType.JSON);
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String section(String html, String start, String end) {
        int at = html.indexOf(start);
        assertTrue(at >= 0, "the page has " + start);
        return html.substring(at, html.indexOf(end, at));
    }

    private static String escaped(String text) {
        return IncidentPageSupport.escaped(text);
    }
}
