package uk.dsltriage.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.rules.codec.RuleSetLoader;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;
import uk.dsltriage.vocabulary.Route;

@QuarkusTest
class ShadowRunTest {

    /** A school of its own, so the run sees exactly this test's incidents. */
    private static final String SCHOOL = "100077";

    @Inject
    ShadowRun shadow;

    @Test
    void aShadowRunListsExactlyTheOpenIncidentsWhoseAdviceWouldChange() throws Exception {
        String staff = Tokens.forSchool("staff-shadow", SCHOOL, "staff");
        String dsl = Tokens.forSchool("dsl-shadow", SCHOOL, "dsl");
        String coerced = record(staff, ReviewHttpTest.coerced());
        String consensual = record(staff, Fixtures.incident());
        String closedCoerced = record(staff, ReviewHttpTest.coerced());
        close(dsl, closedCoerced);

        RuleSet next = withExtraRule();
        AccessScope scope = new AccessScope(Tokens.ISSUER, "dsl-shadow", SCHOOL, null, Set.of("dsl"));
        List<ShadowRun.Change> changes = shadow.run(scope, SCHOOL, next);

        assertEquals(List.of(coerced), changes.stream().map(c -> c.incidentId().toString()).toList(),
                "only the open incident the new rule reaches; not " + consensual + " nor the closed one");
        assertEquals(List.of(Route.FORCED_MARRIAGE_UNIT), changes.get(0).routesAdded());
        assertTrue(changes.get(0).routesRemoved().isEmpty());

        RuleSet same = new uk.dsltriage.triage.RuleSets().find("england-schools", "2026.1").orElseThrow();
        assertTrue(shadow.run(scope, SCHOOL, same).isEmpty(), "the version in use changes nothing");

        io.restassured.RestAssured.given().auth().oauth2(dsl).post("/api/v1/rulesets/england-schools/2026.1/shadow").then()
                .statusCode(200).body("changed", org.hamcrest.Matchers.equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(dsl).post("/api/v1/rulesets/england-schools/1999.1/shadow").then()
                .statusCode(404);
    }

    @Inject
    OpenIncidentRetriage retriage;

    @Test
    void reTriagingOpenIncidentsUnderANewVersionRunsOnceEvenWhenStartedTwiceAtOnce() throws Exception {
        String school = "100078";
        String staff = Tokens.forSchool("staff-job", school, "staff");
        String dsl = Tokens.forSchool("dsl-job", school, "dsl");
        String open = record(staff, ReviewHttpTest.coerced());
        String closed = record(staff, ReviewHttpTest.coerced());
        close(dsl, closed);
        RuleSet next = withExtraRule();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<Integer> results;
        try {
            List<java.util.concurrent.Callable<Integer>> twice = List.of(() -> retriage.run(next), () -> retriage.run(next));
            results = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(twice)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, results.stream().filter(r -> r == -1).count(), "one replica wins the claim: " + results);
        assertTrue(results.stream().anyMatch(r -> r >= 1));
        assertEquals(-1, retriage.run(next), "a finished run is not repeated");

        io.restassured.RestAssured.given().auth().oauth2(dsl).get("/api/v1/incidents/" + open + "/recommendations").then()
                .statusCode(200)
                .body("trigger", org.hamcrest.Matchers.equalTo(List.of("INTAKE", "RETRIAGE")))
                .body("[1].ruleSetVersion", org.hamcrest.Matchers.equalTo("2026.99"))
                .body("[1].routes", org.hamcrest.Matchers.hasItem("FORCED_MARRIAGE_UNIT"));
        io.restassured.RestAssured.given().auth().oauth2(dsl).get("/api/v1/incidents/" + closed + "/recommendations").then()
                .body("trigger", org.hamcrest.Matchers.equalTo(List.of("INTAKE")));
    }

    /** 2026.1 (in force for these incidents) plus one rule that fires only on coercion and adds a route none of these incidents has. */
    private static RuleSet withExtraRule() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc;
        try (InputStream in = ShadowRunTest.class.getClassLoader().getResourceAsStream("rulesets/england-schools-2026.1.json")) {
            doc = (ObjectNode) mapper.readTree(in);
        }
        doc.put("version", "2026.99");
        ArrayNode rules = (ArrayNode) doc.get("rules");
        ObjectNode extra = rules.get(0).deepCopy();
        extra.put("id", "R99");
        extra.put("title", "Shadow-run test rule");
        extra.set("condition", mapper.readTree("{\"factTrue\": \"coercionOrBlackmail\"}"));
        extra.set("outcome", mapper.readTree("{\"routes\": [\"FORCED_MARRIAGE_UNIT\"], \"urgency\": \"REVIEW\"}"));
        rules.add(extra);
        return RuleSetLoader.parse("england-schools-2026.99.json", mapper.writeValueAsBytes(doc));
    }

    private static String record(String token, String body) {
        return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static void close(String dsl, String id) {
        String etag = io.restassured.RestAssured.given().auth().oauth2(dsl).get("/api/v1/incidents/" + id + "/review")
                .then().statusCode(200).extract().header("ETag");
        io.restassured.RestAssured.given().auth().oauth2(dsl).header("If-Match", etag).contentType("application/json")
                .body(ReviewHttpTest.accept("REFERRED")).post("/api/v1/incidents/" + id + "/decision").then().statusCode(201);
        io.restassured.RestAssured.given().auth().oauth2(dsl).post("/api/v1/incidents/" + id + "/closure").then().statusCode(200);
    }
}
