package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.dsltriage.console.api.LondonTime;
import uk.dsltriage.referral.ReferralFixtures;
import uk.dsltriage.support.ConsoleForms;
import uk.dsltriage.support.MovableClock;
import uk.dsltriage.support.Persona;

/** The tasks page: overdue, open and done tasks of the school, and completing one with a note through the form. */
@QuarkusTest
class ConsoleTasksPageTest {

    private static final Pattern NEXT = Pattern.compile("href=\"(/console/tasks\\?cursor=[^\"]+)\"");

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTaskCompletedWithANoteThroughTheFormIsDoneInTheApiWithItsNote() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);

        String page = pageWith(Persona.DSL_A, task);
        assertTrue(page.contains("id=\"open-tasks\"") && page.contains("id=\"overdue-tasks\"") && page.contains("id=\"done-tasks\""));
        assertTrue(page.contains("action=\"/console/tasks/" + task + "/complete\""), "a completion form for the task");
        assertTrue(page.contains("id=\"note-" + task + "\""), "its note field");
        assertTrue(page.contains("href=\"/console/incidents/" + incident + "\""), "a link to what the task is about");

        // Completed "later", so that it is the most recently done task whatever other tests completed.
        Instant completedAt = Instant.parse("2035-03-05T10:00:00Z");
        clock.set(completedAt);
        Response done = ConsoleForms.post(Persona.DSL_A, "/console/tasks", "/console/tasks/" + task + "/complete",
                Map.of("note", "Phoned the front door; <b>reference</b> 42"));
        done.then().statusCode(303).header("Location", containsString("/console/tasks?flash=task-completed"));

        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .body("tasks.find { it.id == '" + task + "' }.status", equalTo("DONE"))
                .body("tasks.find { it.id == '" + task + "' }.completionNote", equalTo("Phoned the front door; <b>reference</b> 42"))
                .body("tasks.find { it.id == '" + task + "' }.completedBy", equalTo(Persona.DSL_A.actor()));
        String after = Persona.DSL_A.page().get("/console/tasks?flash=task-completed").then().statusCode(200)
                .body(containsString("Task completed")).extract().asString();
        String doneTable = after.substring(after.indexOf("id=\"done-tasks\""));
        assertTrue(doneTable.contains("data-task-id=\"" + task + "\""), "listed among the done tasks");
        assertTrue(doneTable.contains("Phoned the front door; &lt;b&gt;reference&lt;/b&gt; 42"), "the note, escaped");
        assertTrue(doneTable.contains(LondonTime.london(completedAt)), "completed at, in London time");
        assertTrue(!after.substring(0, after.indexOf("id=\"done-tasks\"")).contains("data-task-id=\"" + task + "\""),
                "no longer open");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);
        Response form = Persona.DSL_A.page().get("/console/tasks");

        int noToken = Persona.DSL_A.page().contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("note", "done")
                .post("/console/tasks/" + task + "/complete").statusCode();
        int wrongToken = Persona.DSL_A.page().cookie(ConsoleForms.CSRF, form.cookie(ConsoleForms.CSRF))
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "done").formParam(ConsoleForms.CSRF, "forged").post("/console/tasks/" + task + "/complete").statusCode();

        for (int status : List.of(noToken, wrongToken)) {
            assertTrue(status == 400 || status == 403, "refused, got " + status);
        }
        assertOpen(incident, task);
    }

    @Test
    void aBlankNoteReRendersTheFormWithTheErrorAndChangesNothing() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);
        pageWith(Persona.DSL_A, task);

        String body = ConsoleForms.post(Persona.DSL_A, "/console/tasks", "/console/tasks/" + task + "/complete", Map.of("note", "   "))
                .then().statusCode(400).contentType(startsWith("text/html")).extract().asString();
        assertTrue(body.contains("id=\"error-summary\"") && body.contains("role=\"alert\""), "an error summary");
        assertTrue(body.contains("href=\"#note-" + task + "\""), "linked to the note field");
        assertTrue(body.contains("class=\"error-message\" id=\"note-" + task + "-error\""), "the field marked");
        assertOpen(incident, task);
    }

    @Test
    void aTaskAlreadyDoneIsRefusedWithAMessageAndKeepsItsFirstNote() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);
        pageWith(Persona.DSL_A, task);
        Persona.DSL_A.request().body("{\"note\":\"first\"}").post("/api/v1/tasks/" + task + "/completion").then().statusCode(200);

        ConsoleForms.post(Persona.DSL_A, "/console/tasks", "/console/tasks/" + task + "/complete", Map.of("note", "second"))
                .then().statusCode(409).contentType(startsWith("text/html"))
                .body(containsString("id=\"error-summary\"")).body(containsString("This task is already done."))
                .body(containsString("href=\"#task-" + task + "\""));
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then()
                .body("tasks.find { it.id == '" + task + "' }.completionNote", equalTo("first"));
    }

    @Test
    void anotherSchoolsDslNeitherSeesNorCompletesTheTaskAndStaffAndHeadteachersCannotUseThePage() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);

        ReferralFixtures.s47Incident(Persona.DSL_B); // so that school B's page has a form, and its CSRF field
        Persona.DSL_B.page().get("/console/tasks").then().statusCode(200).body(not(containsString(task)));
        ConsoleForms.post(Persona.DSL_B, "/console/tasks", "/console/tasks/" + task + "/complete", Map.of("note", "not mine"))
                .then().statusCode(404).contentType(startsWith("text/html")).body(containsString("Page not found"));
        ConsoleForms.post(Persona.DSL_A, "/console/tasks", "/console/tasks/00000000-0000-0000-0000-000000000000/complete",
                Map.of("note", "none")).then().statusCode(404).body(containsString("Page not found"));
        assertOpen(incident, task);

        Persona.STAFF_A.page().get("/console/tasks").then().statusCode(403).contentType(startsWith("text/html"));
        Persona.HEAD_A.page().get("/console/tasks").then().statusCode(403);
    }

    @Test
    void anOverdueTaskIsMarkedOverdueInWordsWithHowLong() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String task = completableTask(incident);
        String due = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then()
                .extract().path("tasks.find { it.id == '" + task + "' }.dueAt");

        clock.set(Instant.parse(due).plusSeconds(((2 * 24 + 3) * 60 + 5) * 60L));
        String page = pageWith(Persona.DSL_A, task);
        String overdue = page.substring(page.indexOf("id=\"overdue-tasks\""), page.indexOf("id=\"open-tasks\""));
        String row = overdue.substring(overdue.indexOf("data-task-id=\"" + task + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("Overdue by 2 days 3 hours"), row);
        assertTrue(row.contains("class=\"complete-task\""), "an overdue task can still be completed");
    }

    @Test
    void thePageViewIsAuditedLikeTheApiRead() {
        long mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.request().get("/api/v1/tasks").then().statusCode(200);
        List<String> api = AuditTrail.after(dataSource, mark, Persona.DSL_A);

        mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.page().get("/console/tasks").then().statusCode(200);
        List<String> page = AuditTrail.after(dataSource, mark, Persona.DSL_A);

        assertEquals(List.of("TASKS_LISTED TASK -"), api);
        assertNotEquals(List.of(), page);
        assertEquals(List.of("TASKS_LISTED TASK -"), page.stream().distinct().toList(), "the page reads open and done tasks, each a listing");
    }

    private static String completableTask(String incident) {
        List<Map<String, Object>> tasks = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then()
                .statusCode(200).extract().path("tasks");
        return tasks.stream().filter(t -> !"REFERRAL_ACKNOWLEDGEMENT".equals(t.get("kind")) && t.get("completedAt") == null)
                .map(t -> (String) t.get("id")).findFirst().orElseThrow(() -> new AssertionError("no task to complete"));
    }

    private static void assertOpen(String incident, String task) {
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then()
                .body("tasks.find { it.id == '" + task + "' }.completedAt", nullValue());
    }

    /** The tasks page (following "more" links) that lists this task. */
    private static String pageWith(Persona persona, String task) {
        String path = "/console/tasks";
        for (int i = 0; i < 50; i++) {
            String page = persona.page().get(path).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
            if (page.contains("data-task-id=\"" + task + "\"")) {
                return page;
            }
            Matcher next = NEXT.matcher(page);
            if (!next.find()) {
                break;
            }
            path = next.group(1).replace("&amp;", "&");
        }
        throw new AssertionError("task " + task + " not on the tasks pages");
    }
}
