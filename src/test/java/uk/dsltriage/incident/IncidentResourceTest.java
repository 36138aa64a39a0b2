package uk.dsltriage.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

@QuarkusTest
class IncidentResourceTest {

    @Inject
    EntityManager em;

    @Test
    void recordsAnIncidentWithServerSetFieldsAndReadsItBack() {
        String location = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .body("id", notNullValue())
                .body("status", equalTo("AWAITING_DSL_REVIEW"))
                .body("recordedBy", equalTo(Persona.STAFF_A.actor()))
                .body("schoolUrn", equalTo(Fixtures.SCHOOL_A))
                .body("recordedAt", notNullValue())
                .body("facts.participants[0].ref", equalTo("P1"))
                .body("recommendation.ruleSetId", equalTo("england-schools"))
                .extract().header("Location");

        Persona.STAFF_A.request().get(location).then().statusCode(200)
                .body("account", startsWith("Pupil A told me"))
                .body("childVoice", equalTo("I only sent it to him."))
                .body("location", equalTo("ONLINE"))
                .body("facts.incidentTypes", equalTo(List.of("NUDE_IMAGE_SHARING")))
                .body("facts.facts.imagesInvolved", equalTo(true))
                .body("facts.facts.coercionOrBlackmail", equalTo(false))
                .body("facts.facts", not(org.hamcrest.Matchers.hasKey("groomingIndicatorsX")));
    }

    @Test
    void staffSeeOnlyTheirOwnIncidentsAndDslsSeeTheirWholeSchool() {
        String id = create(Persona.STAFF_A);

        Persona.STAFF_A2.request().get("/api/v1/incidents/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200);
        Persona.HEAD_A.request().get("/api/v1/incidents/" + id).then().statusCode(200);
        Persona.DSL_B.request().get("/api/v1/incidents/" + id).then().statusCode(404);
        Persona.STAFF_B.request().get("/api/v1/incidents/" + id).then().statusCode(404);

        Persona.STAFF_A2.request().get("/api/v1/incidents?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Persona.DSL_A.request().get("/api/v1/incidents?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        Persona.DSL_B.request().get("/api/v1/incidents?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void missingAndOutOfScopeLookTheSame() {
        String id = create(Persona.STAFF_A);
        String outOfScope = Persona.DSL_B.request().get("/api/v1/incidents/" + id).then().statusCode(404).extract().asString();
        String missing = Persona.DSL_B.request().get("/api/v1/incidents/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .extract().asString();
        assertEquals(outOfScope.replaceAll("\"instance\":\"[^\"]+\"", ""), missing.replaceAll("\"instance\":\"[^\"]+\"", ""));
    }

    @Test
    void listIsNewestFirstAndFilters() {
        String first = create(Persona.DSL_A);
        String second = create(Persona.DSL_A);
        List<String> ids = Persona.DSL_A.request().get("/api/v1/incidents?size=100&type=NUDE_IMAGE_SHARING&status=AWAITING_DSL_REVIEW")
                .then().statusCode(200)
                .body("items.incidentTypes", everyItem(hasItem("NUDE_IMAGE_SHARING")))
                .body("items[0].account", nullValue())
                .extract().jsonPath().getList("items.id");
        assertEquals(true, ids.indexOf(second) < ids.indexOf(first), "newest first");
        Persona.DSL_A.request().get("/api/v1/incidents?type=FGM").then().statusCode(200)
                .body("items.id", not(hasItem(first)));
        Persona.DSL_A.request().get("/api/v1/incidents?status=CLOSED").then().statusCode(200)
                .body("items.id", not(hasItem(first)));
        problem(Persona.DSL_A.request().get("/api/v1/incidents?type=NOT_A_TYPE").then(), 400)
                .body("errors[0].field", equalTo("type"));
        problem(Persona.DSL_A.request().get("/api/v1/incidents?size=1000").then(), 400);
    }

    @Test
    void addendaAreAppendedInOrderWithAuthorAndTime() {
        String id = create(Persona.STAFF_A);
        Persona.STAFF_A.request().body(Fixtures.addendum("First follow-up.")).post("/api/v1/incidents/" + id + "/addenda")
                .then().statusCode(201).body("sequence", equalTo(1)).body("recordedBy", equalTo(Persona.STAFF_A.actor()));
        Persona.DSL_A.request().body(Fixtures.addendum("Second follow-up.")).post("/api/v1/incidents/" + id + "/addenda")
                .then().statusCode(201).body("sequence", equalTo(2));

        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("account", startsWith("Pupil A told me"))
                .body("addenda.account", equalTo(List.of("First follow-up.", "Second follow-up.")))
                .body("addenda.recordedBy", equalTo(List.of(Persona.STAFF_A.actor(), Persona.DSL_A.actor())))
                .body("addenda[0].recordedAt", notNullValue());
        Persona.STAFF_A2.request().body(Fixtures.addendum("Not mine.")).post("/api/v1/incidents/" + id + "/addenda")
                .then().statusCode(404);
        Persona.DSL_B.request().body(Fixtures.addendum("Other school.")).post("/api/v1/incidents/" + id + "/addenda")
                .then().statusCode(404);
    }

    @Test
    void concurrentAddendaGetDistinctSequences() throws Exception {
        String id = create(Persona.DSL_A);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> add = () -> Persona.DSL_A.request().body(Fixtures.addendum("Parallel.")).post("/api/v1/incidents/" + id + "/addenda")
                    .then().statusCode(201).extract().path("sequence");
            List<Future<Integer>> results = pool.invokeAll(List.of(add, add, add, add, add, add));
            java.util.Set<Integer> sequences = new java.util.TreeSet<>();
            for (Future<Integer> r : results) {
                sequences.add(r.get());
            }
            assertEquals(java.util.Set.of(1, 2, 3, 4, 5, 6), sequences);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameIdempotencyKeyTwiceGivesOneIncident() {
        String key = Fixtures.key();
        String first = Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String again = Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, again);
        assertEquals(1L, countByKey(key));

        problem(Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident("A different account."))
                .post("/api/v1/incidents").then(), 422)
                .body("type", endsWith("idempotency-key-reused"));
        problem(Persona.STAFF_A.request().header("Idempotency-Key", "no").body(Fixtures.incident())
                .post("/api/v1/incidents").then(), 400);
    }

    @Test
    void concurrentRetriesWithOneKeyStillGiveOneIncident() throws Exception {
        String key = Fixtures.key();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<String> post = () -> Persona.STAFF_A.request().header("Idempotency-Key", key).body(Fixtures.incident())
                    .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
            List<Future<String>> results = pool.invokeAll(List.of(post, post, post, post));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Future<String> r : results) {
                ids.add(r.get());
            }
            assertEquals(1, ids.size());
            assertEquals(1L, countByKey(key));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientsCannotSetServerOwnedOrUnknownFields() {
        for (String field : List.of("\"id\": \"6f1c2b9e-0000-4000-8000-000000000000\"", "\"status\": \"CLOSED\"",
                "\"recordedBy\": \"someone\"", "\"schoolUrn\": \"100002\"", "\"recordedAt\": \"2026-01-01T00:00:00Z\"",
                "\"favouriteColour\": \"blue\"")) {
            String body = Fixtures.incident().replaceFirst("\\{", "{ " + field + ",");
            problem(Persona.STAFF_A.request().body(body).post("/api/v1/incidents").then(), 400)
                    .body("type", endsWith("unknown-field"))
                    .body("errors[0].field", notNullValue());
        }
        String derived = Fixtures.incident().replace("\"oneOff\": true", "\"oneOff\": true, \"adultInvolved\": false");
        problem(Persona.STAFF_A.request().body(derived).post("/api/v1/incidents").then(), 400)
                .body("errors[0].field", equalTo("facts.adultInvolved"));
    }

    @Test
    void refusesBadInputWithProblemDetailsAndNeverEchoesIt() {
        String secret = "SECRET-NARRATIVE " + "the pupil said she was scared. ".repeat(330);
        problem(Persona.STAFF_A.request().body(Fixtures.incident(secret)).post("/api/v1/incidents").then(), 400)
                .body("errors.field", hasItem("account"))
                .body(not(containsString("SECRET-NARRATIVE")));
        problem(Persona.STAFF_A.request().body(Fixtures.incident("")).post("/api/v1/incidents").then(), 400)
                .body("errors.field", hasItem("account"));
        problem(Persona.STAFF_A.request().body("{ \"occurredAt\": ").post("/api/v1/incidents").then(), 400)
                .body("type", endsWith("malformed-body"));
        problem(Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ONLINE\"", "\"ON_THE_MOON\""))
                .post("/api/v1/incidents").then(), 400)
                .body("errors[0].field", equalTo("location"))
                .body(not(containsString("ON_THE_MOON")));
        problem(Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ageYears\": 15", "\"ageYears\": -3"))
                .post("/api/v1/incidents").then(), 400);
        problem(Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ref\": \"P1\"", "\"ref\": \"Jessica Smith\""))
                .post("/api/v1/incidents").then(), 400)
                .body(not(containsString("Jessica")));
        problem(Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ref\": \"P2\"", "\"ref\": \"P1\""))
                .post("/api/v1/incidents").then(), 400);
        problem(Persona.STAFF_A.request().body("[]").post("/api/v1/incidents").then(), 400);
        problem(Persona.STAFF_A.request().body("null").post("/api/v1/incidents").then(), 400);
        problem(Persona.STAFF_A.request().body("{}").post("/api/v1/incidents").then(), 400);
        problem(Persona.STAFF_A.request().get("/api/v1/incidents/not-a-uuid").then(), 404);
    }

    @Test
    void onlyJsonIsAccepted() {
        problem(Persona.STAFF_A.request().contentType("text/plain").body("hello").post("/api/v1/incidents").then(), 415);
        problem(Persona.STAFF_A.request().contentType("application/xml").body("<a/>").post("/api/v1/incidents").then(), 415);
    }

    @Test
    void rolesAndClaimsAreEnforced() {
        problem(io.restassured.RestAssured.given().contentType("application/json").body(Fixtures.incident())
                .post("/api/v1/incidents").then(), 401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(Persona.LA_OFFICER_1.request().body(Fixtures.incident()).post("/api/v1/incidents").then(), 403);
        problem(Persona.HEAD_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then(), 403);
        problem(Persona.DSL_NO_CLAIM.request().body(Fixtures.incident()).post("/api/v1/incidents").then(), 403);
        problem(Persona.NO_ROLE_A.request().get("/api/v1/incidents").then(), 403);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://dsl-triage.uk/problems/"))
                .body("title", notNullValue())
                .body("instance", notNullValue());
    }

    private static org.hamcrest.Matcher<String> endsWith(String suffix) {
        return org.hamcrest.Matchers.endsWith(suffix);
    }

    private String create(Persona persona) {
        return persona.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @jakarta.transaction.Transactional
    long countByKey(String key) {
        return em.createQuery("select count(i) from Incident i where i.idempotencyKey = :k", Long.class)
                .setParameter("k", key).getSingleResult();
    }
}
