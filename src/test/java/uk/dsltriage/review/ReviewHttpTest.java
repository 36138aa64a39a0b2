package uk.dsltriage.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.MovableClock;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

@QuarkusTest
class ReviewHttpTest {

    private static final String SECOND_DSL_A = Tokens.forSchool("dsl-a-second", Fixtures.SCHOOL_A, "dsl");

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDecisionNeedsIfMatchAndTheCurrentEtag() {
        String id = record(coerced());
        decide(id, null, accept("REFERRED")).then().statusCode(428).contentType("application/problem+json");
        decide(id, "\"999\"", accept("REFERRED")).then().statusCode(412).contentType("application/problem+json");
        decide(id, "not-an-etag", accept("REFERRED")).then().statusCode(412);
        review(id).then().body("status", equalTo("AWAITING_DSL_REVIEW")).body("decisions", hasSize(0));
    }

    @Test
    void acceptingTheRecommendationRecordsTheDecisionAndATaskPerRouteAndRequiredAction() {
        String id = record(coerced());
        String etag = etag(id);
        Response decided = decide(id, etag, accept("REFERRED"));
        decided.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("decision.outcome", equalTo("REFERRED"))
                .body("decision.outcomeLabel", equalTo("Referred"))
                .body("decision.routes.code", hasItems("POLICE_REFERRAL", "CSC_REFERRAL_S47"))
                .body("decision.parentsNotInformedReason", equalTo("WOULD_OBSTRUCT_POLICE_INVESTIGATION"))
                .body("tasksCreated.findAll { it.kind == 'ROUTE' }.code",
                        containsInAnyOrder("POLICE_REFERRAL", "CSC_REFERRAL_S47", "PARENTS_INFORM"))
                .body("tasksCreated.findAll { it.kind == 'REQUIRED_ACTION' }.code",
                        // under 2026.1 (in force for this incident's date), with its do-not-blame and keep-content actions
                        containsInAnyOrder("DO_NOT_PROMISE_CONFIDENTIALITY", "DO_NOT_INVESTIGATE", "PRESERVE_DEVICE",
                                "DO_NOT_BLAME_OR_SHAME", "ASK_CHILD_NOT_TO_DELETE_CONTENT"))
                // in the words of the rule set decided on, as the recommendation words the route
                .body("tasksCreated.label", hasItem("Child protection referral (section 47)"));
        review(id).then().body("status", equalTo("DECIDED")).body("decisions", hasSize(1));
        assertTrue(!etag.equals(decided.header("ETag")), "a decision changes the ETag");

        // The ETag read before the decision is stale now; the new one lets a later decision supersede, keeping history.
        decide(id, etag, accept("REFERRED")).then().statusCode(412);
        String override = """
                { "outcome": "REFERRED", "acceptRecommendation": false, "routes": ["POLICE_REFERRAL", "CSC_REFERRAL_S47"],
                  "rationale": "Police advised parents may be told only after their visit.", "parentsInformed": false,
                  "parentsNotInformedReason": "WOULD_OBSTRUCT_POLICE_INVESTIGATION",
                  "childViews": "She wants the images gone.", "childViewsWeighed": "Referral goes ahead; Report Remove offered." }
                """;
        decide(id, decided.header("ETag"), override).then().statusCode(201).body("tasksCreated", hasSize(0));
        review(id).then().body("decisions.sequence", equalTo(List.of(1, 2)))
                .body("decisions[0].acceptRecommendation", equalTo(true))
                .body("decisions[1].rationale", notNullValue());
    }

    @Test
    void anOverrideOrNoFurtherActionWithoutRationaleIs400AndChangesNothing() {
        String id = record(coerced());
        String override = """
                { "outcome": "EARLY_HELP", "acceptRecommendation": false, "routes": ["EARLY_HELP"], "parentsInformed": true,
                  "childViews": "Wants it to stop.", "childViewsWeighed": "Considered." }
                """;
        decide(id, etag(id), override).then().statusCode(400).body("errors.field", hasItem("rationale"));
        String nfa = """
                { "outcome": "NO_FURTHER_ACTION", "acceptRecommendation": false, "routes": [], "parentsInformed": true,
                  "reviewBy": "2027-06-30", "childViews": "Wants it to stop.", "childViewsWeighed": "Considered." }
                """;
        decide(id, etag(id), nfa).then().statusCode(400).body("errors.field", hasItem("rationale"));
        String farReview = accept("REFERRED").replace("\"outcome\"", "\"reviewBy\": \"2999-01-01\", \"outcome\"");
        decide(id, etag(id), farReview).then().statusCode(400).body("errors.field", hasItem("reviewBy"));
        String noReason = accept("REFERRED").replace("\"parentsNotInformedReason\": \"WOULD_OBSTRUCT_POLICE_INVESTIGATION\",", "");
        decide(id, etag(id), noReason).then().statusCode(400).body("errors.field", hasItem("parentsNotInformedReason"));
        String nul = accept("REFERRED").replace("She is frightened", "She is\\u0000 frightened");
        decide(id, etag(id), nul).then().statusCode(400).body("errors.field", hasItem("childViews"));
        String badReason = accept("REFERRED").replace("WOULD_OBSTRUCT_POLICE_INVESTIGATION", "PARENTS_BUSY");
        decide(id, etag(id), badReason).then().statusCode(400);
        review(id).then().body("status", equalTo("AWAITING_DSL_REVIEW")).body("decisions", hasSize(0)).body("tasks", hasSize(0));
    }

    @Test
    void internalHandlingWithoutTheFullAttestationIs422NamingWhatIsMissing() {
        String id = record(Fixtures.incident());
        String partial = internal("\"dslAttestation\": { \"sufficientInformation\": true },");
        decide(id, etag(id), partial).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsl-triage.uk/problems/decision-not-allowed"))
                .body("errors.field", containsInAnyOrder("dslAttestation.risksManageableInSetting", "dslAttestation.headteacherConsulted"));
        decide(id, etag(id), internal("")).then().statusCode(422).body("errors", hasSize(3));
        decide(id, etag(id), internal(FULL_ATTESTATION)).then().statusCode(201)
                .body("tasksCreated.kind", hasItem("DECISION_REVIEW"));
    }

    @Test
    void anActionTheRecommendationForbidsIs422() {
        String id = record(coerced());
        String viewing = accept("REFERRED").replace("\"outcome\"", "\"actions\": [\"VIEW_IMAGE\"], \"outcome\"");
        decide(id, etag(id), viewing).then().statusCode(422).body("errors.message", hasItem("the recommendation forbids VIEW_IMAGE"));
        String unknown = accept("REFERRED").replace("\"outcome\"", "\"actions\": [\"PHONE_A_FRIEND\"], \"outcome\"");
        decide(id, etag(id), unknown).then().statusCode(400);
        review(id).then().body("decisions", hasSize(0));
    }

    @Test
    void twoDslsDecidingAtOnceOneWinsTheOtherGets412() throws Exception {
        String id = record(coerced());
        String etag = etag(id);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(
                    () -> decide(Persona.DSL_A.request(), id, etag, accept("REFERRED")).statusCode(),
                    () -> decide(given().auth().oauth2(SECOND_DSL_A).contentType(ContentType.JSON).accept(ContentType.JSON),
                            id, etag, accept("REFERRED")).statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(both)) {
                statuses.add(f.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        review(id).then().body("decisions", hasSize(1));
    }

    @Test
    void theLifecycleOverHttpRefusesIllegalTransitionsWith409() {
        String id = record(coerced());
        post(id, "closure").then().statusCode(409).contentType("application/problem+json");
        post(id, "reopening").then().statusCode(409);
        post(id, "review/start").then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        post(id, "review/start").then().statusCode(409);
        decide(id, etag(id), accept("REFERRED")).then().statusCode(201);
        post(id, "closure").then().statusCode(200).body("status", equalTo("CLOSED"));
        decide(id, etag(id), accept("REFERRED")).then().statusCode(409);
        post(id, "reopening").then().statusCode(200).body("status", equalTo("AWAITING_DSL_REVIEW"));
        assertTrue(queueIds(Persona.DSL_A).contains(id), "a reopened incident is back in the queue");
        Persona.DSL_A.request().header("If-Match", "\"0\"").post("/api/v1/incidents/" + id + "/review/start").then().statusCode(412);
        Persona.DSL_B.request().post("/api/v1/incidents/" + id + "/review/start").then().statusCode(404);
    }

    @Test
    void theQueueIsMostUrgentFirstThenLongestWaitingAndOnlyTheSchools() {
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        String waitingLonger = record(coerced());
        clock.set(Instant.parse("2026-12-07T10:00:00Z"));
        String waitingLess = record(coerced());
        String emergency = record(coerced().replace("\"immediateDangerToLife\": false", "\"immediateDangerToLife\": true"));
        List<String> queue = queueIds(Persona.DSL_A);
        List<String> ours = queue.stream().filter(List.of(waitingLonger, waitingLess, emergency)::contains).toList();
        assertEquals(List.of(emergency, waitingLonger, waitingLess), ours);
        assertTrue(queueIds(Persona.DSL_B).stream().noneMatch(ours::contains));
        Map<String, Object> first = queueItem(Persona.DSL_A, emergency);
        assertEquals("EMERGENCY_NOW", ((Map<?, ?>) first.get("urgency")).get("code"));
        String ruleSetWords = Persona.DSL_A.request().get("/api/v1/incidents/" + emergency).then().statusCode(200)
                .extract().path("recommendation.labels.routes.POLICE_999.label");
        assertEquals("Call 999 now", ruleSetWords);
        assertTrue(String.valueOf(first.get("routes")).contains("label=" + ruleSetWords),
                "routes carry the rule set's words, as on the incident: " + first.get("routes"));
        Persona.DSL_A.request().get("/api/v1/review-queue?cursor=garbage").then().statusCode(400);
        decide(emergency, etag(emergency), accept("REFERRED")).then().statusCode(201);
        assertTrue(!queueIds(Persona.DSL_A).contains(emergency), "a decided incident leaves the queue");
    }

    @Test
    void tasksBecomeOverdueAsTheClockMovesAndAreCompletedOnce() {
        Instant friday = Instant.parse("2026-12-04T10:00:00Z");
        clock.set(friday);
        String id = record(Fixtures.incident());
        Response decided = decide(id, etag(id), internal(FULL_ATTESTATION));
        decided.then().statusCode(201);
        String immediateTask = decided.path("tasksCreated.find { it.code == 'DO_NOT_INVESTIGATE' }.id");
        String reviewTask = decided.path("tasksCreated.find { it.kind == 'DECISION_REVIEW' }.id");
        assertEquals("2027-06-30T16:00:00Z", decided.path("tasksCreated.find { it.kind == 'DECISION_REVIEW' }.dueAt"));

        assertTrue(taskIds("OPEN").contains(immediateTask), "due now, not yet past");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(taskIds("OVERDUE").contains(immediateTask));
        assertTrue(!taskIds("OPEN").contains(immediateTask));
        assertTrue(taskIds("OPEN").contains(reviewTask));
        clock.set(Instant.parse("2027-06-30T16:00:01Z"));
        assertTrue(taskIds("OVERDUE").contains(reviewTask));

        Persona.DSL_B.request().body("{\"note\":\"done\"}").post("/api/v1/tasks/" + immediateTask + "/completion").then().statusCode(404);
        Persona.DSL_A.request().body("{\"note\":\"Told staff not to question the pupils.\"}")
                .post("/api/v1/tasks/" + immediateTask + "/completion").then().statusCode(200)
                .body("status", equalTo("DONE")).body("completedBy", equalTo(Persona.DSL_A.actor()));
        Persona.DSL_A.request().body("{\"note\":\"again\"}").post("/api/v1/tasks/" + immediateTask + "/completion").then().statusCode(409);
        Persona.DSL_A.request().body("{}").post("/api/v1/tasks/" + reviewTask + "/completion").then().statusCode(400);
        assertTrue(taskIds("DONE").contains(immediateTask));
        assertTrue(!taskIds("OVERDUE").contains(immediateTask));
        Persona.DSL_A.request().get("/api/v1/tasks?status=LATE").then().statusCode(400);
        Persona.DSL_B.request().get("/api/v1/tasks?status=OVERDUE").then().statusCode(200).body("items.id", not(hasItem(reviewTask)));
    }

    @Test
    void aDowngradeIsFlaggedKeepsTheTasksAndReturnsTheIncidentToTheQueue() {
        String id = record(coerced());
        decide(id, etag(id), accept("REFERRED")).then().statusCode(201);
        String key = Fixtures.key();
        String addendum = """
                { "account": "The pupil now says there was no pressure to send it.",
                  "factsPatch": { "facts": { "coercionOrBlackmail": false } } }
                """;
        Response first = Persona.DSL_A.request().header("Idempotency-Key", key).body(addendum)
                .post("/api/v1/incidents/" + id + "/addenda");
        first.then().statusCode(201)
                .body("revisedFacts.facts.coercionOrBlackmail", equalTo(false))
                .body("revisedFacts.facts.imagesInvolved", equalTo(true))
                .body("downgrade.removedRoutes", hasItems("POLICE_REFERRAL", "CSC_REFERRAL_S47"));
        // A retry is not appended twice; the same key for other content is refused.
        Persona.DSL_A.request().header("Idempotency-Key", key).body(addendum).post("/api/v1/incidents/" + id + "/addenda")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        Persona.DSL_A.request().header("Idempotency-Key", key).body(Fixtures.addendum("Something else."))
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(422);
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().body("addenda", hasSize(1));

        review(id).then().body("status", equalTo("AWAITING_DSL_REVIEW"))
                .body("downgrade.removedRoutes", hasItems("POLICE_REFERRAL", "CSC_REFERRAL_S47"))
                .body("tasks.findAll { it.code == 'POLICE_REFERRAL' }.status", not(hasItem("DONE")))
                .body("tasks.findAll { it.code == 'POLICE_REFERRAL' }", hasSize(1));
        Map<String, Object> item = queueItem(Persona.DSL_A, id);
        assertTrue(String.valueOf(item.get("downgrade")).contains("POLICE_REFERRAL"), "the queue shows the downgrade");
        // Deciding again clears the flag.
        decide(id, etag(id), internal(FULL_ATTESTATION)).then().statusCode(201);
        review(id).then().body("downgrade", equalTo(null));
    }

    @Test
    void aFactsPatchThatLeavesInvalidFactsIs400AndAppendsNothing() {
        String id = record(coerced());
        Persona.DSL_A.request().body("{ \"account\": \"x\", \"factsPatch\": { \"incidentTypes\": null } }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(400).contentType("application/problem+json");
        Persona.DSL_A.request().body("{ \"account\": \"x\", \"factsPatch\": { \"facts\": { \"notAFact\": true } } }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(400);
        Persona.DSL_A.request().body("{ \"account\": \"x\", \"factsPatch\": [1] }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(400);
        Persona.DSL_A.request().body("{ \"account\": \"x\", \"factsPatch\": {}, \"revisedFacts\": " + facts() + " }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(400);
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().body("addenda", hasSize(0));
    }

    @Test
    void aChildsChronologyHasEveryRecordAboutThemInTimeOrderAndOnlyInTheirSchool() {
        String ref = "C" + (100000 + new java.util.Random().nextInt(900000));
        clock.set(Instant.parse("2026-12-07T09:00:00Z"));
        String online = record(coerced().replace("\"ref\": \"P1\"", "\"ref\": \"" + ref + "\""));
        clock.set(Instant.parse("2026-12-08T09:00:00Z"));
        String offline = record(Fixtures.incident().replace("\"NUDE_IMAGE_SHARING\"", "\"SEXUAL_HARASSMENT_OFFLINE\"")
                .replace("\"ONLINE\"", "\"ON_SITE\"").replace("\"ref\": \"P2\"", "\"ref\": \"" + ref.toLowerCase() + "\""));
        clock.set(Instant.parse("2026-12-08T10:00:00Z"));
        decide(online, etag(online), accept("REFERRED")).then().statusCode(201);
        clock.set(Instant.parse("2026-12-08T11:00:00Z"));
        Persona.DSL_A.request().body(Fixtures.addendum("Parent called back.")).post("/api/v1/incidents/" + offline + "/addenda")
                .then().statusCode(201);
        String unrelated = record(Fixtures.incident());

        Response chronology = Persona.DSL_A.request().get("/api/v1/children/" + ref.toLowerCase() + "/chronology");
        chronology.then().statusCode(200).body("childRef", equalTo(ref));
        List<String> kinds = chronology.path("entries.kind");
        List<String> incidents = chronology.path("entries.incidentId");
        assertEquals(List.of("INCIDENT_RECORDED", "RECOMMENDATION_MADE", "INCIDENT_RECORDED", "RECOMMENDATION_MADE",
                "DECISION_RECORDED"), kinds.subList(0, 5));
        assertEquals("ADDENDUM_ADDED", kinds.get(kinds.size() - 1));
        assertTrue(kinds.contains("TASK_CREATED"));
        assertTrue(incidents.containsAll(List.of(online, offline)) && !incidents.contains(unrelated));
        List<String> times = chronology.path("entries.at");
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
        chronology.then().body("entries[0].codes.code", hasItem("NUDE_IMAGE_SHARING"))
                .body("entries[2].codes.code", hasItems("SEXUAL_HARASSMENT_OFFLINE", "ON_SITE"));

        Persona.DSL_B.request().get("/api/v1/children/" + ref + "/chronology").then().statusCode(404);
        Persona.DSL_A.request().get("/api/v1/children/C0000000/chronology").then().statusCode(400);
        Persona.DSL_A.request().get("/api/v1/children/Q999999/chronology").then().statusCode(404);
        Persona.STAFF_A.request().get("/api/v1/children/" + ref + "/chronology").then().statusCode(403);
    }

    // --- helpers ---

    static final String FULL_ATTESTATION =
            "\"dslAttestation\": { \"sufficientInformation\": true, \"risksManageableInSetting\": true, \"headteacherConsulted\": true },";

    static String coerced() {
        return Fixtures.incident().replace("\"coercionOrBlackmail\": false", "\"coercionOrBlackmail\": true");
    }

    static String facts() {
        return "{ \"occurredAt\": \"2026-11-20T10:15:00Z\", \"incidentTypes\": [\"NUDE_IMAGE_SHARING\"] }";
    }

    static String accept(String outcome) {
        return """
                { "outcome": "%s", "acceptRecommendation": true, "parentsInformed": false,
                  "parentsNotInformedReason": "WOULD_OBSTRUCT_POLICE_INVESTIGATION",
                  "childViews": "She is frightened and wants the images gone.",
                  "childViewsWeighed": "Her wish for the images to go is met by Report Remove; safety comes first." }
                """.formatted(outcome);
    }

    static String internal(String attestation) {
        return """
                { "outcome": "MANAGED_INTERNALLY", "acceptRecommendation": true, "parentsInformed": true, %s
                  "reviewBy": "2027-06-30",
                  "childViews": "Both pupils want it dealt with in school.", "childViewsWeighed": "Consistent with the guidance." }
                """.formatted(attestation);
    }

    static String record(String body) {
        return Persona.STAFF_A.request().body(body).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    static Response review(String id) {
        return Persona.DSL_A.request().get("/api/v1/incidents/" + id + "/review");
    }

    static String etag(String id) {
        Response review = review(id);
        review.then().statusCode(200);
        assertEquals(review.path("etag"), review.header("ETag"));
        return review.header("ETag");
    }

    static Response decide(String id, String ifMatch, String body) {
        return decide(Persona.DSL_A.request(), id, ifMatch, body);
    }

    static Response decide(RequestSpecification request, String id, String ifMatch, String body) {
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(body).post("/api/v1/incidents/" + id + "/decision");
    }

    static Response post(String id, String transition) {
        return Persona.DSL_A.request().post("/api/v1/incidents/" + id + "/" + transition);
    }

    /** The queue item of one incident, wherever it is in the school's queue (other tests fill it too). */
    static Map<String, Object> queueItem(Persona dsl, String incident) {
        String cursor = null;
        do {
            RequestSpecification request = dsl.request().queryParam("size", 50);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/review-queue");
            page.then().statusCode(200);
            List<Map<String, Object>> items = page.path("items");
            for (Map<String, Object> item : items) {
                if (incident.equals(item.get("incidentId"))) {
                    return item;
                }
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);
        throw new AssertionError("incident " + incident + " is not in the queue");
    }

    static List<String> queueIds(Persona dsl) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = dsl.request().queryParam("size", 7);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/review-queue");
            page.then().statusCode(200);
            ids.addAll(page.path("items.incidentId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    static List<String> taskIds(String status) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Persona.DSL_A.request().queryParam("status", status).queryParam("size", 9);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/tasks");
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
