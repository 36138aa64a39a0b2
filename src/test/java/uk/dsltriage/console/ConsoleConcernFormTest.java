package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.problem.ImageContentRefusedException;
import uk.dsltriage.support.ConsoleForms;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** The staff "record a concern" form: guidance first, the API's command and service, refusals that store nothing. */
@QuarkusTest
class ConsoleConcernFormTest {

    private static final String FORM = "/console/concerns/new";
    private static final String ACTION = "/console/concerns";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** Each test records at its own London minute in 2025, so it can find its concern through the API. */
    private static final AtomicInteger MINUTE = new AtomicInteger();

    @Test
    void theDoNotViewGuidanceComesFirstInMainThenTheForm() {
        String html = Persona.STAFF_A.page().get(FORM).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        String main = html.substring(html.indexOf("<main"));
        main = main.substring(main.indexOf('>') + 1).stripLeading();
        assertTrue(main.startsWith("<div id=\"do-not-view\" class=\"warning\""), "the guidance is the first thing in <main>");
        assertTrue(main.indexOf("id=\"do-not-view\"") < main.indexOf("<h1>"), "guidance before the heading");
        assertTrue(main.indexOf("<h1>") < main.indexOf("id=\"concern-form\""), "the form after the guidance");
        for (String point : ImageContentRefusedException.GUIDANCE.subList(0, 4)) {
            assertTrue(html.contains(point), "guidance point shown: " + point);
        }
        assertTrue(html.contains("<form id=\"concern-form\" method=\"post\" action=\"/console/concerns\""));
        assertTrue(html.contains("name=\"csrf-token\""));
        assertTrue(html.contains("id=\"submit-concern\""));
        assertFalse(html.contains("type=\"file\""), "no file input, ever");
        assertFalse(html.contains("multipart"), "never a multipart form");
        for (String id : List.of("occurredAt", "account", "ref-1", "ageYears-1", "hasSEND-1", "role-1", "ref-2", "ref-3",
                "location-ONLINE", "incidentTypes-SEXTORTION", "imagesInvolved-yes", "imagesInvolved-no",
                "imagesInvolved-unknown", "threatToShareImages-yes", "immediateDangerToLife-unknown")) {
            assertTrue(html.contains("id=\"" + id + "\""), "field " + id);
            assertTrue(html.contains("for=\"" + id + "\""), "label for " + id);
        }
        assertTrue(html.contains("<input type=\"datetime-local\" id=\"occurredAt\""));
        assertTrue(html.contains("<textarea id=\"account\""));
    }

    @Test
    void theFormIsForStaffAndDslsOnly() {
        Persona.DSL_A.page().get(FORM).then().statusCode(200);
        Persona.HEAD_A.page().get(FORM).then().statusCode(403).contentType(startsWith("text/html"));
        Persona.LA_OFFICER_1.page().get(FORM).then().statusCode(403).contentType(startsWith("text/html"));
        Persona.LA_OFFICER_1.page().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("account", "words")
                .post(ACTION).then().statusCode(403);
    }

    @Test
    void aConcernRecordedThroughTheFormIsTheApisWithUnknownKeptUnknown() {
        String when = nextMinute();
        Map<String, Object> fields = concern(when);
        fields.put("account", "Pupil P1 told me at break that P2 said he would post her photo.\r\nShe was crying.");
        fields.put("childVoice", "He said he'd send it to everyone.");
        Response posted = ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields);
        posted.then().statusCode(303).header("Location", containsString("/console/concerns?flash=concern-recorded"));

        JsonPath incident = apiIncident(Persona.STAFF_A, when);
        assertEquals("ONLINE", incident.getString("location"));
        assertEquals("Pupil P1 told me at break that P2 said he would post her photo.\nShe was crying.",
                incident.getString("account"), "the account as written, with plain newlines");
        assertEquals(List.of("NUDE_IMAGE_SHARING", "SEXTORTION"), incident.getList("facts.incidentTypes"));
        Map<String, Object> facts = incident.getMap("facts.facts");
        assertEquals(Boolean.TRUE, facts.get("imagesInvolved"));
        assertEquals(Boolean.TRUE, facts.get("childDepictedUnder18"));
        assertEquals(Boolean.TRUE, facts.get("threatToShareImages"));
        assertEquals(Boolean.FALSE, facts.get("financialDemand"));
        assertNull(facts.get("aiGeneratedOrManipulated"), "don't know is unknown, never false");
        assertNull(facts.get("distributedBeyondRecipient"), "an unanswered question is unknown");

        List<Map<String, Object>> people = incident.getList("facts.participants");
        assertEquals(2, people.size(), "the blank third row is ignored");
        assertEquals("P1", people.get(0).get("ref"));
        assertEquals("VICTIM", people.get(0).get("role"));
        assertEquals(15, people.get(0).get("ageYears"));
        assertEquals(Boolean.FALSE, people.get(0).get("hasSEND"));
        assertEquals("P2", people.get(1).get("ref"));
        assertEquals("SUBJECT", people.get(1).get("role"));
        assertNull(people.get(1).get("hasSEND"), "SEND don't know stays unknown");

        String page = Persona.STAFF_A.page().get(posted.header("Location")).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Concern recorded"));
        assertTrue(page.contains("data-incident-id=\"" + incident.getString("id") + "\""));
        assertFalse(page.contains("crying"), "the confirmation never echoes the account");
    }

    @Test
    void aLondonSummerTimeIsConvertedToUtc() {
        Map<String, Object> summer = concern("2026-07-01T09:00");
        ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, summer).then().statusCode(303);
        assertEquals("2026-07-01T08:00:00Z", apiIncident(Persona.STAFF_A, "2026-07-01T09:00").getString("occurredAt"));

        Map<String, Object> winter = concern("2026-01-15T09:00");
        ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, winter).then().statusCode(303);
        assertEquals("2026-01-15T09:00:00Z", apiIncident(Persona.STAFF_A, "2026-01-15T09:00").getString("occurredAt"));
    }

    @Test
    void aDoubleSubmitWithTheRenderedKeyRecordsOnce() {
        String key = renderedKey(Persona.STAFF_A);
        String when = nextMinute();
        Map<String, Object> fields = concern(when);
        fields.put("idempotencyKey", key);
        ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields).then().statusCode(303);
        ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields).then().statusCode(303);
        assertEquals(1, countAt(Persona.STAFF_A, when), "the second submit replayed the first");
        String id = apiIncident(Persona.STAFF_A, when).getString("id");
        assertEquals(List.of("INCIDENT_RECORDED", "INCIDENT_REPLAYED"), Persona.DSL_A.request()
                .get("/api/v1/incidents/" + id + "/access-log").then().statusCode(200).extract().jsonPath()
                .getList("action").subList(0, 2), "recorded and replayed are audited like the API's");
        assertFalse(key.equals(renderedKey(Persona.STAFF_A)), "each render carries its own key");
    }

    @Test
    void anImageInTheAccountIsRefusedWithTheGuidanceAndNothingIsStored() {
        long before = total(Persona.DSL_A);
        Map<String, Object> fields = concern(nextMinute());
        fields.put("account", "She showed me this: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        String html = ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields).then().statusCode(422)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("Do not view, copy, print, share, store or save the image or video"));
        assertTrue(html.contains("Tell the designated safeguarding lead now."));
        assertFalse(html.contains("iVBORw0KGgo"), "the refused content is not echoed");
        assertEquals(before, total(Persona.DSL_A), "nothing stored");
    }

    @Test
    void aTimeInTheFutureIsRefusedAndTheFormKeepsWhatWasEntered() {
        long before = total(Persona.DSL_A);
        Map<String, Object> fields = concern(LocalDateTime.now(LONDON).plusDays(2).format(LOCAL));
        fields.put("account", "Seen in the corridor by the lockers");
        String html = ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields).then().statusCode(422)
                .contentType(startsWith("text/html")).extract().asString();
        assertErrorLinksTo(html, "#occurredAt", "must be now or in the past");
        assertTrue(html.contains("Seen in the corridor by the lockers</textarea>"), "the account is kept");
        assertTrue(html.contains("value=\"P1\""), "the people are kept");
        assertTrue(html.matches("(?s).*id=\"imagesInvolved-yes\"[^>]*checked.*"), "answers are kept");
        assertEquals(before, total(Persona.DSL_A), "nothing stored");
    }

    @Test
    void missingAnswersAndANameForAReferenceAreEachLinkedToTheirField() {
        long before = total(Persona.DSL_A);
        Map<String, Object> fields = concern(nextMinute());
        fields.remove("incidentTypes");
        fields.put("account", "   ");
        fields.put("ref", List.of("Jane Smith", "P2", ""));
        fields.put("ageYears", List.of("fifteen", "16", ""));
        String html = ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields).then().statusCode(422).extract().asString();
        assertErrorLinksTo(html, "#incidentTypes-NUDE_IMAGE_SHARING", "Choose at least one kind of concern");
        assertErrorLinksTo(html, "#account", "Write what was seen, heard or said");
        assertErrorLinksTo(html, "#ref-1", "never a name");
        assertErrorLinksTo(html, "#ageYears-1", "in whole years");
        assertTrue(html.indexOf("href=\"#incidentTypes") < html.indexOf("href=\"#account\"")
                && html.indexOf("href=\"#account\"") < html.indexOf("href=\"#ref-1\""), "errors in page order");
        assertTrue(html.contains("<title>Error: Record a concern"));
        assertEquals(before, total(Persona.DSL_A), "nothing stored");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        long before = total(Persona.DSL_A);
        Response response = Persona.STAFF_A.page().contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(concern(nextMinute())).post(ACTION);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 403, "refused: " + response.statusCode());
        assertEquals(before, total(Persona.DSL_A), "nothing stored");
    }

    @Test
    void anUrgentConcernSaysTheDslHasBeenAlertedWithoutEchoingTheAccount() {
        Map<String, Object> fields = concern(nextMinute());
        fields.put("immediateDangerToLife", "yes");
        fields.put("immediateRiskOfHarm", "yes");
        Response posted = ConsoleForms.post(Persona.STAFF_A, FORM, ACTION, fields);
        posted.then().statusCode(303).header("Location", containsString("flash=concern-recorded-urgent"));
        Persona.STAFF_A.page().get(posted.header("Location")).then().statusCode(200)
                .body(containsString("designated safeguarding lead has been alerted"))
                .body(not(containsString("post her photo")));
    }

    @Test
    void aFileIsRefusedWithTheGuidance() {
        Persona.STAFF_A.page().multiPart("photo", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg")
                .post(ACTION).then().statusCode(415).contentType(startsWith("text/html"))
                .body(containsString("If a device holds it, preserve the device"));
    }

    // --- helpers ---

    private static Map<String, Object> concern(String occurredAtLondon) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("occurredAt", occurredAtLondon);
        fields.put("location", "ONLINE");
        fields.put("incidentTypes", List.of("NUDE_IMAGE_SHARING", "SEXTORTION"));
        fields.put("account", "Pupil P1 told me at break that P2 said he would post her photo.");
        fields.put("ref", List.of("P1", "P2", ""));
        fields.put("ageYears", List.of("15", "16", ""));
        fields.put("hasSEND", List.of("no", "unknown", "unknown"));
        fields.put("role", List.of("VICTIM", "SUBJECT", ""));
        fields.put("imagesInvolved", "yes");
        fields.put("childDepictedUnder18", "yes");
        fields.put("threatToShareImages", "yes");
        fields.put("financialDemand", "no");
        fields.put("aiGeneratedOrManipulated", "unknown");
        return fields;
    }

    private static String nextMinute() {
        return LocalDateTime.of(2025, 3, 3, 10, 0).plusMinutes(MINUTE.incrementAndGet()).format(LOCAL);
    }

    private static String utc(String londonLocal) {
        return LocalDateTime.parse(londonLocal).atZone(LONDON).toInstant().toString();
    }

    private static List<Map<String, Object>> listedAt(Persona persona, String londonLocal) {
        List<Map<String, Object>> items = persona.request().queryParam("size", 100).get("/api/v1/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items");
        String at = utc(londonLocal);
        return items.stream().filter(i -> at.equals(i.get("occurredAt"))).toList();
    }

    private static int countAt(Persona persona, String londonLocal) {
        return listedAt(persona, londonLocal).size();
    }

    private static JsonPath apiIncident(Persona persona, String londonLocal) {
        List<Map<String, Object>> found = listedAt(persona, londonLocal);
        assertEquals(1, found.size(), "one concern recorded at " + londonLocal);
        return persona.request().get("/api/v1/incidents/" + found.get(0).get("id")).then().statusCode(200)
                .extract().jsonPath();
    }

    private static long total(Persona persona) {
        return persona.request().get("/api/v1/incidents").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static String renderedKey(Persona persona) {
        Matcher m = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(persona.page().get(FORM).then().statusCode(200).extract().asString());
        assertTrue(m.find(), "the form carries an idempotency key");
        assertNotNull(m.group(1));
        return m.group(1);
    }

    private static void assertErrorLinksTo(String html, String href, String message) {
        int summary = html.indexOf("id=\"error-summary\"");
        assertTrue(summary >= 0, "an error summary");
        Matcher link = Pattern.compile("<a href=\"" + Pattern.quote(href) + "\">([^<]*)</a>").matcher(html);
        assertTrue(link.find(summary), "the summary links to " + href);
        assertTrue(link.group(1).contains(message), href + " says: " + message + " (was: " + link.group(1) + ")");
        String id = href.substring(1);
        assertTrue(html.contains("id=\"" + id + "\""), "the linked field exists: " + id);
        assertTrue(html.contains("class=\"error-message\">Error: " + link.group(1)), "the field is marked: " + id);
    }
}
