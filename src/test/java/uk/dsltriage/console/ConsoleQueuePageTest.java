package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** The console's frame: landing by role, the queue page, the HTML error page and the browser protections. */
@QuarkusTest
class ConsoleQueuePageTest {

    @Test
    void eachRoleLandsOnItsOwnFirstPage() {
        Persona.DSL_A.page().get("/console").then().statusCode(303).header("Location", containsString("/console/queue"));
        Persona.STAFF_A.page().get("/console").then().statusCode(303).header("Location", containsString("/console/concerns"));
        Persona.HEAD_A.page().get("/console").then().statusCode(303).header("Location", containsString("/console/concerns"));
        Persona.HEAD_A.page().get("/console/concerns").then().statusCode(200);
    }

    @Test
    void theQueueListsTheSchoolsConcernAndNotAnotherSchools() {
        String id = Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key()).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        // Other tests fill the same school's queue: follow its pages until the concern is found.
        String page = "/console/queue";
        String html = "";
        for (int i = 0; i < 100 && page != null && !html.contains(id); i++) {
            html = Persona.DSL_A.page().get(page).then().statusCode(200).contentType(startsWith("text/html"))
                    .body(containsString("Signed in as")).extract().asString();
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/console/queue\\?cursor=[^\"]+)\"").matcher(html);
            page = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("data-incident-id=\"" + id + "\""), "the concern is in the queue");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("href=\"/console/incidents/" + id + "\""), "it links to its page");
        Persona.DSL_B.page().get("/console/queue").then().statusCode(200)
                .body(not(containsString(id)));
    }

    @Test
    void everyConsoleResponseCarriesTheBrowserProtections() {
        Persona.DSL_A.page().get("/console/queue").then()
                .header("Content-Security-Policy", containsString("img-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    @Test
    void aRefusalIsAnHtmlPageNotJsonAndTellsNothingMore() {
        Persona.STAFF_A.page().get("/console/queue").then().statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("You cannot use this page"))
                .body(not(containsString("Exception")));
        io.restassured.RestAssured.given().accept(ContentType.HTML).redirects().follow(false).get("/console/queue")
                .then().statusCode(401).contentType(startsWith("text/html"));
    }

    @Test
    void theApiKeepsProblemJson() {
        Persona.STAFF_A.request().get("/api/v1/review-queue").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aFormIsRefusedOutsideTheConsoleAndAFileEverywhere() {
        Persona.STAFF_A.request().contentType(ContentType.URLENC).formParam("account", "words")
                .post("/api/v1/incidents").then().statusCode(415).contentType(startsWith("application/problem+json"));
        Persona.STAFF_A.page().multiPart("photo", "a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "image/jpeg")
                .post("/console/concerns").then().statusCode(415).contentType(startsWith("text/html"));
    }

    @Test
    void anEmptyPostLabelledAsAFormIsNoBusinessOfTheConsolesCsrfCheck() {
        // curl -d '' and many HTTP clients label an empty POST as a form; outside the console the label is moot.
        io.restassured.RestAssured.given().auth().oauth2(Persona.DSL_A.token()).contentType(ContentType.URLENC)
                .post("/api/v1/rulesets/england-schools/2026.1/shadow").then().statusCode(200);
    }

    @Test
    void theSignedOutPageIsPublic() {
        io.restassured.RestAssured.given().accept(ContentType.HTML).get("/console/signed-out").then().statusCode(200)
                .body(containsString("You have signed out"));
    }
}
