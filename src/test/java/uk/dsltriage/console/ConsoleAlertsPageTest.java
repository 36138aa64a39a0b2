package uk.dsltriage.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uk.dsltriage.alerts.AlertDispatcher;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/** GET /console/alerts: the school's alerts as a table, to whom and with what status; nobody else's. */
@QuarkusTest
class ConsoleAlertsPageTest {

    @Inject
    AlertDispatcher dispatcher;

    @Test
    void aDslSeesTheSchoolsAlertsWithRecipientsAndStatusAndNothingOfAnotherSchool() {
        String school = String.valueOf(ThreadLocalRandom.current().nextInt(7_000_000, 8_000_000));
        String address = "dsl@school-" + school + ".test";
        String dsl = Tokens.builder("dsl-page-" + school, "dsl").claim("school_urn", school).claim("email", address)
                .claim("email_verified", true).sign(Tokens.key());
        String staff = Tokens.forSchool("staff-page-" + school, school, "staff");
        // The DSL uses the console once: from then on the service knows where to send the school's alerts.
        page(dsl).get("/console/alerts").then().statusCode(200).body(containsString("id=\"alerts\""));

        // A concern a teacher records is IMMEDIATE ("inform the DSL immediately"): one alert.
        String id = given().auth().oauth2(staff).contentType(ContentType.JSON).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        page(dsl).get("/console/alerts").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<table id=\"alerts\""))
                .body(containsString("<th scope=\"col\">To</th>"))
                .body(containsString("href=\"/console/incidents/" + id + "\""))
                .body(containsString("Urgent concern"))
                .body(containsString("Waiting to send"));

        for (int i = 0; i < 100 && dispatcher.dispatch().claimed() > 0; i++) {
            // until nothing is due
        }
        page(dsl).get("/console/alerts").then().statusCode(200)
                .body(containsString(address))
                .body(containsString(">Sent<"))
                .body(not(containsString("semi-nude")));

        Persona.DSL_B.page().get("/console/alerts").then().statusCode(200).body(not(containsString(id)));
        Persona.STAFF_A.page().get("/console/alerts").then().statusCode(403).contentType(startsWith("text/html"));
    }

    private static io.restassured.specification.RequestSpecification page(String token) {
        return given().auth().oauth2(token).accept(ContentType.HTML).redirects().follow(false);
    }
}
