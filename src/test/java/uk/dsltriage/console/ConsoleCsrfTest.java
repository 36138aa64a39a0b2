package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.ConsoleForms;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * Every console form is protected against cross-site request forgery (quarkus-rest-csrf): the page holding a form sets
 * an HttpOnly token cookie scoped to /console and renders the same token as a hidden field; a POST without the field,
 * or with a wrong one, is refused with the console's error page before the resource runs, and changes nothing. Shown on
 * the task completion form (any console form goes through the same filter).
 */
@QuarkusTest
class ConsoleCsrfTest {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"" + ConsoleForms.CSRF + "\" value=\"([^\"]+)\"");

    @Test
    void aFormPostWithoutOrWithAWrongTokenIsRefusedAndChangesNothing() {
        String task = openTask();
        Response page = Persona.DSL_A.page().get("/console/tasks");
        page.then().statusCode(200);
        String cookie = page.cookie(ConsoleForms.CSRF);
        assertNotNull(cookie, "the form page sets the token cookie");
        String setCookie = String.join("\n", page.headers().getValues("Set-Cookie"));
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
        assertTrue(setCookie.contains("Path=/console"), setCookie);
        Matcher field = HIDDEN_TOKEN.matcher(page.asString());
        assertTrue(field.find(), "the form carries the token as a hidden field");
        String token = field.group(1);

        String action = "/console/tasks/" + task + "/complete";
        // No token at all, as a forged cross-site form would send it (the browser attaches the cookie, not the field).
        refused(Persona.DSL_A.page().cookie(ConsoleForms.CSRF, cookie).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "forged").post(action));
        // A token, but not this session's.
        refused(Persona.DSL_A.page().cookie(ConsoleForms.CSRF, cookie).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "forged").formParam(ConsoleForms.CSRF, token.substring(1) + "A").post(action));
        // The field without its cookie.
        refused(Persona.DSL_A.page().contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "forged").formParam(ConsoleForms.CSRF, token).post(action));
        Persona.DSL_A.request().get("/api/v1/tasks?status=OPEN").then().statusCode(200)
                .body("items.find { it.id == '" + task + "' }.status", equalTo("OPEN"));

        Persona.DSL_A.page().cookie(ConsoleForms.CSRF, cookie).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParam("note", "Done, with the right token.").formParam(ConsoleForms.CSRF, token).post(action)
                .then().statusCode(303);
        Persona.DSL_A.request().get("/api/v1/tasks?status=DONE&size=200").then().statusCode(200)
                .body("items.find { it.id == '" + task + "' }.completionNote", equalTo("Done, with the right token."));
    }

    private static final String MANAGE_INTERNALLY = """
            { "outcome": "MANAGED_INTERNALLY", "acceptRecommendation": true, "parentsInformed": true,
              "dslAttestation": { "sufficientInformation": true, "risksManageableInSetting": true, "headteacherConsulted": true },
              "reviewBy": "%s",
              "childViews": "Both pupils want it dealt with in school.", "childViewsWeighed": "Consistent with the guidance." }
            """.formatted(java.time.LocalDate.now().plusMonths(1));

    private static void refused(Response response) {
        response.then().statusCode(400)
                .contentType(startsWith("text/html"))
                .body(containsString("This form could not be accepted"))
                .body(not(containsString("Exception")));
    }

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
