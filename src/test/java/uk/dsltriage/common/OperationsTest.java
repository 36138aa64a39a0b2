package uk.dsltriage.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/** Health, metrics, correlation ids, security headers, and logs that carry ids only. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void responsesCarryACorrelationIdAndNoStoreHeaders() {
        Persona.DSL_A.request().get("/api/v1/incidents").then().statusCode(200)
                .header(CorrelationId.HEADER, notNullValue())
                .header("Cache-Control", containsString("no-store"))
                .header("X-Content-Type-Options", "nosniff");
        Persona.DSL_A.request().header(CorrelationId.HEADER, "4bf92f3577b34da6a3ce929d0e0e4736").get("/api/v1/incidents/" + java.util.UUID.randomUUID())
                .then().statusCode(404).header(CorrelationId.HEADER, "4bf92f3577b34da6a3ce929d0e0e4736").body("instance", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void logsNeverCarryAccountsChildVoiceOrRejectedInput() {
        String marker = "NARRATIVE-MARKER-" + java.util.UUID.randomUUID();
        try (LogCapture logs = LogCapture.install()) {
            String body = Fixtures.incident("Account " + marker + " as told.").replace("I only sent it to him.", "voice " + marker);
            String id = Persona.STAFF_A.request().body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
            Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200);
            Persona.STAFF_A.request().body(body.replace("\"ONLINE\"", "\"" + marker + "\"")).post("/api/v1/incidents").then().statusCode(400);
            Persona.STAFF_A.request().body("{ \"account\": \"" + marker + "\", ").post("/api/v1/incidents").then().statusCode(400);
            Persona.STAFF_A.request().body(Fixtures.addendum(marker + " https://example.com/" + marker))
                    .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(422);
            assertFalse(logs.text().contains(marker), "a narrative, child's words or rejected value reached the logs");
        }
    }
}
