package uk.dsltriage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.review.Labels;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * A DSL reads the same words for the same route wherever a recommendation is shown: the queue (console page and API)
 * words each route and the urgency as the incident page (and the recommendation's own labels) do, in the words of the
 * rule set the recommendation was made under.
 */
@QuarkusTest
class ConsoleRouteWordsTest {

    private static final Pattern QUEUE_ROUTE = Pattern.compile("<span class=\"route\" data-route=\"(\\w+)\">([^<]*)</span>");
    private static final Pattern QUEUE_URGENCY = Pattern.compile("data-urgency=\"(\\w+)\">([^<]*)</span>");
    private static final Pattern PAGE_ROUTE = Pattern.compile("<li data-route=\"(\\w+)\"><strong>([^<]*)</strong>");
    private static final Pattern PAGE_URGENCY = Pattern.compile("<strong id=\"urgency\">([^<]*)</strong>");

    /** Concerns of school B whose recommendations between them name several routes. */
    private static List<String> concerns() {
        String consensual = Fixtures.incident();
        String sextortion = consensual.replace("\"NUDE_IMAGE_SHARING\"", "\"SEXTORTION\"")
                .replace("\"coercionOrBlackmail\": false", "\"coercionOrBlackmail\": true")
                .replace("\"threatToShareImages\": false", "\"threatToShareImages\": true")
                .replace("\"financialDemand\": false", "\"financialDemand\": true")
                .replace("\"imageOnlineOrPlatform\": false", "\"imageOnlineOrPlatform\": true");
        String distributed = consensual.replace("\"distributedBeyondRecipient\": false", "\"distributedBeyondRecipient\": true")
                .replace("\"sharedWithoutConsent\": false", "\"sharedWithoutConsent\": true")
                .replace("\"intentToHumiliateOrHarm\": false", "\"intentToHumiliateOrHarm\": true");
        String danger = consensual.replace("\"immediateDangerToLife\": false", "\"immediateDangerToLife\": true");
        return List.of(consensual, sextortion, distributed, danger).stream()
                .map(body -> Persona.STAFF_B.request().header("Idempotency-Key", Fixtures.key()).body(body)
                        .post("/api/v1/incidents").then().statusCode(201).extract().<String>path("id"))
                .toList();
    }

    @Test
    void theQueueWordsEveryRouteAndTheUrgencyAsTheIncidentPageDoes() {
        List<String> ids = concerns();
        Map<String, String> queueRows = consoleQueueRows(Set.copyOf(ids));
        Map<String, JsonPath> apiItems = apiQueueItems(Set.copyOf(ids));
        Set<String> routesSeen = new HashSet<>();
        boolean ruleSetWording = false;
        for (String id : ids) {
            String page = Persona.DSL_B.page().get("/console/incidents/" + id).then().statusCode(200).extract().asString();
            Map<String, String> pageRoutes = CodeWords.matches(PAGE_ROUTE, page);
            Matcher pageUrgency = PAGE_URGENCY.matcher(page);
            assertTrue(pageUrgency.find(), "the incident page shows the urgency");

            String row = queueRows.get(id);
            assertNotNull(row, "the concern is in the console's queue");
            assertEquals(pageRoutes, CodeWords.matches(QUEUE_ROUTE, row), "the console's queue words the routes as the incident page");
            Matcher queueUrgency = QUEUE_URGENCY.matcher(row);
            assertTrue(queueUrgency.find());
            assertEquals(pageUrgency.group(1), queueUrgency.group(2), "the console's queue words the urgency as the incident page");

            JsonPath recommendation = Persona.DSL_B.request().get("/api/v1/incidents/" + id).then().statusCode(200)
                    .extract().jsonPath().setRootPath("recommendation");
            JsonPath item = apiItems.get(id);
            assertNotNull(item, "the concern is in the API's queue");
            JsonPath review = Persona.DSL_B.request().get("/api/v1/incidents/" + id + "/review").then().statusCode(200)
                    .extract().jsonPath();
            for (String route : recommendation.<String>getList("routes")) {
                String words = recommendation.getString("labels.routes." + route + ".label");
                assertEquals(escaped(words), pageRoutes.get(route), route + ": the incident page shows the rule set's words");
                assertEquals(words, item.getString("routes.find { it.code == '" + route + "' }.label"), route + " in the API's queue");
                assertEquals(words, review.getString("routes.find { it.code == '" + route + "' }.label"), route + " in the API's review");
                routesSeen.add(route);
                ruleSetWording |= !words.equals(Labels.of(route));
            }
            String urgency = recommendation.getString("labels.urgency.label");
            assertEquals(escaped(urgency), pageUrgency.group(1));
            assertEquals(urgency, item.getString("urgency.label"), "the urgency in the API's queue");
            assertEquals(urgency, review.getString("urgency.label"), "the urgency in the API's review");
        }
        assertTrue(routesSeen.size() >= 3, "several routes compared: " + routesSeen);
        assertTrue(ruleSetWording, "the rule set words some route otherwise than its code would read: " + routesSeen);
    }

    /** Each wanted concern's row of the console's queue (followed page by page: other tests fill the same queue). */
    private static Map<String, String> consoleQueueRows(Set<String> wanted) {
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern next = Pattern.compile("href=\"(/console/queue\\?cursor=[^\"]+)\"");
        String path = "/console/queue";
        for (int i = 0; i < 200 && path != null && rows.size() < wanted.size(); i++) {
            String html = Persona.DSL_B.page().get(path).then().statusCode(200).extract().asString();
            for (String id : wanted) {
                int at = html.indexOf("<tr data-incident-id=\"" + id + "\"");
                if (at >= 0) {
                    rows.put(id, html.substring(at, html.indexOf("</tr>", at)));
                }
            }
            Matcher m = next.matcher(html);
            path = m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
        return rows;
    }

    private static Map<String, JsonPath> apiQueueItems(Set<String> wanted) {
        Map<String, JsonPath> items = new LinkedHashMap<>();
        String cursor = null;
        for (int i = 0; i < 200 && items.size() < wanted.size(); i++) {
            var request = Persona.DSL_B.request().queryParam("size", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/review-queue").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> list = page.getList("items");
            for (int n = 0; n < list.size(); n++) {
                String id = page.getString("items[" + n + "].incidentId");
                if (wanted.contains(id)) {
                    items.put(id, new JsonPath(page.prettify()).setRootPath("items[" + n + "]"));
                }
            }
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertFalse(items.isEmpty(), "the API's queue lists the concerns");
        return items;
    }

    private static String escaped(String text) {
        return IncidentPageSupport.escaped(text);
    }
}
