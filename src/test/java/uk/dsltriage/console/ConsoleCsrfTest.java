package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.ConsoleForms;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * Every console form is protected against cross-site request forgery (quarkus-rest-csrf, confined to the console by
 * {@code console.api.ConsoleOnlyCsrf}): the page holding a form sets an HttpOnly token cookie scoped to /console and
 * renders the same token as a hidden field; a POST without the field, with a wrong one, or without the cookie is
 * refused with the console's error page before the resource runs, and changes nothing. The API and the operator
 * endpoints never get a token or a cookie.
 */
@QuarkusTest
class ConsoleCsrfTest {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"" + ConsoleForms.CSRF + "\" value=\"([^\"]+)\"");

    /** A console form: the page that holds it, where it posts, and how to tell that nothing was stored. */
    private record Form(String name, Persona persona, String page, String action, Map<String, String> fields, Runnable unchanged) {
    }

    @Test
    void everyConsoleFormGetsItsTokenAndAPostWithoutOrWithAWrongTokenIsRefusedAndChangesNothing() {
        List<Form> forms = everyForm();
        assertEquals(formsInTemplates(), forms.size(), "every form in the console's templates is checked here");
        for (Form form : forms) {
            Response page = form.persona().page().get(form.page());
            page.then().statusCode(200);
            String cookie = page.cookie(ConsoleForms.CSRF);
            assertNotNull(cookie, form.name() + ": the form page sets the token cookie");
            String setCookie = String.join("\n", page.headers().getValues("Set-Cookie"));
            assertTrue(setCookie.toLowerCase(Locale.ROOT).contains("httponly"), setCookie);
            assertTrue(setCookie.contains("Path=/console"), setCookie);
            Matcher field = HIDDEN_TOKEN.matcher(page.asString());
            assertTrue(field.find(), form.name() + ": the form carries the token as a hidden field");
            String token = field.group(1);

            // No token at all, as a forged cross-site form would send it (the browser attaches the cookie, not the field).
            refused(form, form.persona().page().cookie(ConsoleForms.CSRF, cookie)
                    .contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(form.fields()).post(form.action()));
            // A token, but not this session's.
            refused(form, form.persona().page().cookie(ConsoleForms.CSRF, cookie)
                    .contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(form.fields())
                    .formParam(ConsoleForms.CSRF, token.substring(1) + "A").post(form.action()));
            // The field without its cookie.
            refused(form, form.persona().page().contentType(ContentType.URLENC.withCharset("UTF-8"))
                    .formParams(form.fields()).formParam(ConsoleForms.CSRF, token).post(form.action()));
            form.unchanged().run();
        }
    }

    @Test
    void theTaskFormWithItsTokenIsAccepted() {
        String task = openTask();
        Response page = Persona.DSL_A.page().get("/console/tasks");
        Matcher field = HIDDEN_TOKEN.matcher(page.asString());
        assertTrue(field.find());
        Persona.DSL_A.page().cookie(ConsoleForms.CSRF, page.cookie(ConsoleForms.CSRF))
                .contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "Done, with the right token.").formParam(ConsoleForms.CSRF, field.group(1))
                .post("/console/tasks/" + task + "/complete").then().statusCode(303);
        Persona.DSL_A.request().get("/api/v1/tasks?status=DONE&size=200").then().statusCode(200)
                .body("items.find { it.id == '" + task + "' }.completionNote", equalTo("Done, with the right token."));
    }

    @Test
    void theApiAndTheOperatorEndpointsGetNoTokenAndNoCookie() {
        Response post = Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key()).body(Fixtures.incident())
                .post("/api/v1/incidents");
        post.then().statusCode(201);
        noCookie("API POST", post);
        String incident = post.path("id");

        Response get = Persona.DSL_A.request().get("/api/v1/incidents/" + incident);
        get.then().statusCode(200).body("id", equalTo(incident));
        noCookie("API GET", get);
        Response queue = Persona.DSL_A.request().get("/api/v1/review-queue");
        queue.then().statusCode(200);
        noCookie("API GET of the queue", queue);
        Response refused = Persona.STAFF_A.request().get("/api/v1/review-queue");
        refused.then().statusCode(403);
        noCookie("a refused API GET", refused);
        // Even a browser that holds the console's cookie gets nothing new from the API.
        Response withCookie = Persona.DSL_A.request().cookie(ConsoleForms.CSRF, "x".repeat(22)).get("/api/v1/review-queue");
        withCookie.then().statusCode(200);
        noCookie("API GET with a console cookie", withCookie);

        for (String operator : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            Response r = RestAssured.given().get(operator);
            assertTrue(r.statusCode() < 500, operator + " answered " + r.statusCode());
            noCookie(operator, r);
        }
    }

    private static void noCookie(String what, Response response) {
        assertEquals(List.of(), response.headers().getValues("Set-Cookie"), what + " sets no cookie");
        assertTrue(response.cookies().isEmpty(), what + " sets no cookie");
    }

    private static void refused(Form form, Response response) {
        response.then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("This form could not be accepted"))
                .body(not(containsString("Exception")));
    }

    /** Each form of the console, with a POST that would be accepted if it carried its token. */
    private static List<Form> everyForm() {
        String task = openTask();
        String incident = IncidentPageSupport.recordConcern();
        String version = IncidentPageSupport.formVersion(incident);
        long concernsBefore = staffConcerns();
        List<Form> forms = new ArrayList<>();
        forms.add(new Form("task completion", Persona.DSL_A, "/console/tasks", "/console/tasks/" + task + "/complete",
                Map.of("note", "forged"), () -> Persona.DSL_A.request().get("/api/v1/tasks?status=OPEN&size=200").then()
                        .statusCode(200).body("items.find { it.id == '" + task + "' }.status", equalTo("OPEN"))));
        forms.add(new Form("decision", Persona.DSL_A, "/console/incidents/" + incident + "/decision",
                "/console/incidents/" + incident + "/decision",
                Map.of("version", version, "outcome", "NO_FURTHER_ACTION", "acceptRecommendation", "false",
                        "rationale", "forged", "parentsInformed", "true"),
                () -> assertEquals("AWAITING_DSL_REVIEW", IncidentPageSupport.review(incident).getString("status"))));
        forms.add(new Form("concern", Persona.STAFF_A, "/console/concerns/new", "/console/concerns",
                Map.of("occurredAt", "2025-03-10T09:15", "location", "ONLINE", "incidentTypes", "SEXTORTION",
                        "account", "forged", "ref", "P1", "ageYears", "14", "hasSEND", "no", "role", "VICTIM",
                        "idempotencyKey", Fixtures.key()),
                () -> assertEquals(concernsBefore, staffConcerns())));
        return forms;
    }

    private static long staffConcerns() {
        return Persona.STAFF_A.request().get("/api/v1/incidents?size=1").then().statusCode(200).extract()
                .jsonPath().getLong("totalItems");
    }

    /** How many forms the console's templates hold (a new form must be added to {@link #everyForm()}). */
    private static long formsInTemplates() {
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/console"))) {
            long count = 0;
            for (Path template : templates.toList()) {
                String html = Files.readString(template);
                int forms = html.split("<form[\\s>]", -1).length - 1;
                int tokens = html.split("name=\"\\{inject:csrf.parameterName}\" value=\"\\{inject:csrf.token}\"", -1).length - 1;
                assertEquals(forms, tokens, template + ": every form carries the CSRF field");
                count += forms;
            }
            return count;
        } catch (IOException e) {
            throw new AssertionError("templates not readable", e);
        }
    }

    private static final String MANAGE_INTERNALLY = """
            { "outcome": "MANAGED_INTERNALLY", "acceptRecommendation": true, "parentsInformed": true,
              "dslAttestation": { "sufficientInformation": true, "risksManageableInSetting": true, "headteacherConsulted": true },
              "reviewBy": "%s",
              "childViews": "Both pupils want it dealt with in school.", "childViewsWeighed": "Consistent with the guidance." }
            """.formatted(java.time.LocalDate.now().plusMonths(1));

    /** An open task of school A: a concern, and the DSL's decision to handle it in school (reviewed later: a task). */
    private static String openTask() {
        String incident = Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key())
                .body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String etag = Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .extract().path("etag");
        Persona.DSL_A.request().header("If-Match", etag).body(MANAGE_INTERNALLY)
                .post("/api/v1/incidents/" + incident + "/decision").then().statusCode(201);
        List<String> tasks = Persona.DSL_A.request().get("/api/v1/tasks?status=OPEN&size=200").then().statusCode(200)
                .extract().path("items.findAll { it.incidentId == '" + incident + "' }.id");
        assertTrue(!tasks.isEmpty(), "the decision made tasks");
        return tasks.get(0);
    }
}
