package uk.dsltriage.common;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Persona;

/**
 * A page, size or limit query value that is not a whole number answers 400 problem+json naming the parameter, on every
 * list endpoint (JAX-RS would answer 404 as if the list did not exist), and never echoes the value; an empty value means
 * the default. A missing record still answers 404.
 */
@QuarkusTest
class QueryParameterFormatTest {

    private static final String CANARY = "zq7canaryqp";

    record Case(Persona persona, String path, String parameter, String value) {
        @Override
        public String toString() {
            return path + "?" + parameter + "=<" + value.length() + " chars>";
        }
    }

    static List<Case> cases() {
        List<Case> cases = new java.util.ArrayList<>();
        List<String> malformed = List.of(CANARY, "1.5", " 5", "0x10", "99999999999999999999", "1e2", "-", "+-1");
        for (String v : malformed) {
            cases.add(new Case(Persona.STAFF_A, "/api/v1/incidents", "page", v));
            cases.add(new Case(Persona.STAFF_A, "/api/v1/incidents", "size", v));
            cases.add(new Case(Persona.DSL_A, "/api/v1/review-queue", "size", v));
            cases.add(new Case(Persona.DSL_A, "/api/v1/tasks", "size", v));
            cases.add(new Case(Persona.AUDITOR_A, "/api/v1/audit", "limit", v));
            cases.add(new Case(Persona.LA_OFFICER_1, "/api/v1/la/referrals", "limit", v));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedPagingValueIs400NamingTheParameter(Case c) {
        ValidatableResponse answer = c.persona().request().queryParam(c.parameter(), c.value()).get(c.path()).then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("type", endsWith("/validation-failed"))
                .body("errors[0].field", equalTo(c.parameter()));
        answer.body(not(containsString(CANARY)));
    }

    @Test
    void anEmptyValueMeansTheDefaultOnEveryListEndpoint() {
        Persona.STAFF_A.request().queryParam("page", "").queryParam("size", "").get("/api/v1/incidents").then()
                .statusCode(200);
        Persona.DSL_A.request().queryParam("size", "").get("/api/v1/review-queue").then().statusCode(200);
        Persona.DSL_A.request().queryParam("size", "").get("/api/v1/tasks").then().statusCode(200);
        Persona.AUDITOR_A.request().queryParam("limit", "").get("/api/v1/audit").then().statusCode(200);
        Persona.LA_OFFICER_1.request().queryParam("limit", "").get("/api/v1/la/referrals").then().statusCode(200);
    }

    @Test
    void anOutOfRangeValueIsStill400AndAWellFormedOneIsServed() {
        Persona.STAFF_A.request().queryParam("size", 0).get("/api/v1/incidents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        Persona.STAFF_A.request().queryParam("page", 0).queryParam("size", 5).get("/api/v1/incidents").then()
                .statusCode(200);
        Persona.DSL_A.request().queryParam("size", 5).get("/api/v1/tasks").then().statusCode(200);
        Persona.DSL_A.request().queryParam("size", 5).get("/api/v1/review-queue").then().statusCode(200);
        Persona.AUDITOR_A.request().queryParam("limit", 0).get("/api/v1/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Persona.LA_OFFICER_1.request().queryParam("limit", 1001).get("/api/v1/la/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Persona.AUDITOR_A.request().queryParam("limit", 2).get("/api/v1/audit").then().statusCode(200);
        Persona.LA_OFFICER_1.request().queryParam("limit", 2).get("/api/v1/la/referrals").then().statusCode(200);
    }

    @Test
    void aMissingRecordAndAMalformedPathIdStillAnswer404() {
        Persona.STAFF_A.request().get("/api/v1/incidents/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("type", endsWith("/not-found"));
        Persona.STAFF_A.request().queryParam("size", CANARY).get("/api/v1/incidents/not-a-uuid").then().statusCode(404)
                .body("type", endsWith("/not-found"));
    }
}
