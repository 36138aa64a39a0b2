package uk.dsltriage.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.MovableClock;
import uk.dsltriage.support.Tokens;

/**
 * Alerts over a real SMTP server (GreenMail): each test has schools of its own, so its DSLs and mailboxes are its own.
 * The dispatcher's timer is off in tests; each test runs it itself.
 */
@QuarkusTest
@TestProfile(AlertsTest.WithGreenMail.class)
class AlertsTest {

    static final int MAX_ATTEMPTS = 3;
    static final String ACCOUNT = "Quentin-Zephyr told me at lunch that an older boy in Year 11 sent threats.";
    static final String CHILD_VOICE = "Marigold-Voice says she is scared to come in.";

    public static class WithGreenMail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsltriage.alerts.max-attempts", String.valueOf(MAX_ATTEMPTS),
                    "dsltriage.alerts.retry-backoff", "PT1M",
                    "dsltriage.alerts.from", "alerts@dsl-triage.test");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GreenMailResource.class));
        }
    }

    @Inject
    AlertDispatcher dispatcher;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A school of this test alone, with the tokens of its people. */
    record School(String urn) {
        static School fresh() {
            return new School(String.valueOf(ThreadLocalRandom.current().nextInt(7_000_000, 8_000_000)));
        }

        String dsl(String name) {
            return Tokens.builder("dsl-" + name + "-" + urn, "dsl").claim("school_urn", urn)
                    .claim("email", address(name)).claim("email_verified", true).sign(Tokens.key());
        }

        String staff(String name) {
            return Tokens.builder("staff-" + name + "-" + urn, "staff").claim("school_urn", urn)
                    .claim("email", address(name)).claim("email_verified", true).sign(Tokens.key());
        }

        String address(String name) {
            return name + "@school-" + urn + ".test";
        }

        /** The DSL uses the service once, which is how the service learns their address. */
        void signsIn(String dslToken) {
            given().auth().oauth2(dslToken).get("/api/v1/alerts").then().log().ifValidationFails().statusCode(200);
        }

        String record(String token, String body) {
            return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/incidents")
                    .then().log().ifValidationFails().statusCode(201).extract().path("id");
        }

        List<Map<String, Object>> alerts(String dslToken) {
            return given().auth().oauth2(dslToken).get("/api/v1/alerts?size=200").then().statusCode(200)
                    .extract().jsonPath().getList("items");
        }
    }

    static String urgentConcern() {
        return Fixtures.incident(ACCOUNT).replace("\"coercionOrBlackmail\": false", "\"coercionOrBlackmail\": true")
                .replace("I only sent it to him.", CHILD_VOICE);
    }

    /**
     * TC23-like neglect (guidance examples.md), recorded by the DSL: early help, not urgent. (A concern a teacher
     * records is IMMEDIATE by R03, "inform the DSL immediately", so it is recorded by the DSL here.)
     */
    static String earlyHelpConcern() {
        return """
                {
                  "occurredAt": "2026-11-20T10:15:00Z",
                  "location": "ON_SITE",
                  "account": %s,
                  "childVoice": %s,
                  "incidentTypes": ["NEGLECT"],
                  "sexualViolenceType": "NONE",
                  "victimWishes": "UNKNOWN",
                  "participants": [
                    { "ref": "P1", "role": "VICTIM", "ageYears": 7, "isPupilOfSetting": true, "hasSEND": false, "consentCapacityConcern": false }
                  ],
                  "facts": { "immediateRiskOfHarm": false, "immediateDangerToLife": false, "selfHarmOrSuicidalRisk": false,
                    "harmedOrMayHaveHarmedChild": false, "parentIsSourceOfRisk": false, "informingParentsMayIncreaseRisk": false,
                    "domesticAbuseInHome": false, "priorConcerns": false, "patternOrRepeat": true, "oneOff": false,
                    "imagesInvolved": false, "whereaboutsUnknown": false, "noImprovementAfterSupport": false },
                  "reporter": { "isTeacher": false, "isDsl": true }
                }
                """.formatted(Fixtures.quote(ACCOUNT), Fixtures.quote(CHILD_VOICE));
    }

    @Test
    void anImmediateConcernSendsExactlyOneContentFreeEmailToEachKnownDslOfTheSchoolOnly() throws Exception {
        School school = School.fresh();
        School other = School.fresh();
        String dsl1 = school.dsl("dsl1");
        String dsl2 = school.dsl("dsl2");
        school.signsIn(dsl1);
        school.signsIn(dsl2);
        String otherDsl = other.dsl("dsl1");
        other.signsIn(otherDsl);
        // A staff member of the school, also with an email, is not a DSL: never a recipient.
        String staff = school.staff("teacher");
        given().auth().oauth2(staff).get("/api/v1/incidents").then().statusCode(200);

        String id = school.record(staff, urgentConcern());
        JsonPath incident = given().auth().oauth2(dsl1).get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().jsonPath();
        String urgency = incident.getString("recommendation.urgency");
        assertTrue(List.of("IMMEDIATE", "EMERGENCY_NOW").contains(urgency), "the fixture is urgent: " + urgency);

        dispatchAll();

        for (String dsl : List.of("dsl1", "dsl2")) {
            List<MimeMessage> inbox = inbox(school.address(dsl));
            assertEquals(1, inbox.size(), "one email for " + dsl);
            MimeMessage mail = inbox.get(0);
            String subject = mail.getSubject();
            String body = body(mail);
            // The urgency in the words of the rule set the concern was triaged under, as the console shows it.
            String words = incident.getString("recommendation.labels.urgency.label");
            assertEquals("dsl-triage: a concern needs you now (" + words + ")", subject);
            assertTrue(body.contains("https://dsl-triage.test/console/incidents/" + id), body);
            assertTrue(body.lines().anyMatch(line -> line.equals("Urgency: " + words)), body);
            assertFalse(subject.contains(urgency) || body.contains(urgency), "no code: " + body);
            assertEquals("alerts@dsl-triage.test", mail.getFrom()[0].toString());
            for (String text : List.of(subject, body)) {
                assertNoContent(text, incident);
            }
        }
        assertEquals(0, inbox(school.address("teacher")).size(), "staff are not alerted");
        assertEquals(0, inbox(other.address("dsl1")).size(), "another school's DSL gets nothing");

        Map<String, Object> alert = only(school.alerts(dsl1), id);
        assertEquals("URGENT_CONCERN", alert.get("kind"));
        assertEquals("SENT", alert.get("status"));
        assertEquals(2, alert.get("recipientCount"));
        assertEquals(List.of(school.address("dsl1"), school.address("dsl2")), alert.get("recipients"));
        assertTrue(other.alerts(otherDsl).stream().noneMatch(a -> id.equals(a.get("incidentId"))),
                "another school's DSL does not see the alert");

        assertEquals(0, dispatcher.dispatch().sent(), "nothing is sent twice");
        assertEquals(1, inbox(school.address("dsl1")).size());
    }

    @Test
    void anEarlyHelpLevelConcernSendsNothing() throws Exception {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        school.signsIn(dsl);
        String id = school.record(dsl, earlyHelpConcern());
        String urgency = given().auth().oauth2(dsl).get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("recommendation.urgency");
        assertFalse(List.of("IMMEDIATE", "EMERGENCY_NOW").contains(urgency), "the fixture is not urgent: " + urgency);

        dispatchAll();

        assertEquals(0, inbox(school.address("dsl1")).size());
        assertTrue(school.alerts(dsl).isEmpty());
    }

    @Test
    void twoDispatcherRunsAtOnceStillSendOne() throws Exception {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        school.signsIn(dsl);
        String id = school.record(school.staff("teacher"), urgentConcern());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        int retrying = 0;
        try {
            List<Callable<AlertDispatcher.Run>> both = List.of(dispatcher::dispatch, dispatcher::dispatch);
            for (Future<AlertDispatcher.Run> future : pool.invokeAll(both)) {
                AlertDispatcher.Run run = future.get();
                retrying += run.retrying();
            }
        } finally {
            pool.shutdownNow();
        }
        if (retrying > 0) {
            // GreenMail's occasional stall failed that send (see dispatchAll): its retry waits for the backoff.
            clock.set(clock.instant().plus(Duration.ofHours(2)));
        }
        dispatchAll();
        assertEquals(1, inbox(school.address("dsl1")).size());
        assertEquals("SENT", only(school.alerts(dsl), id).get("status"));
    }

    @Test
    void anSmtpFailureLeavesTheAlertToRetryAndItFailsAfterTheLastAttempt() throws Exception {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        school.signsIn(dsl);
        String retried = school.record(school.staff("teacher"), urgentConcern());

        GreenMailResource.stopServer();
        try {
            dispatchDue();
        } finally {
            GreenMailResource.startServer();
        }
        Map<String, Object> pending = only(school.alerts(dsl), retried);
        assertEquals("PENDING", pending.get("status"));
        assertEquals(1, pending.get("attempts"));
        assertEquals(0, dispatcher.dispatch().sent(), "not before its backoff");

        clock.set(java.time.Instant.now().plus(Duration.ofMinutes(2)));
        dispatchAll();
        assertEquals(1, inbox(school.address("dsl1")).size());
        Map<String, Object> sent = only(school.alerts(dsl), retried);
        assertEquals("SENT", sent.get("status"));
        // 2 unless GreenMail's occasional stall failed the retry too (see dispatchAll); never more than the limit.
        int attempts = (Integer) sent.get("attempts");
        assertTrue(attempts >= 2 && attempts <= MAX_ATTEMPTS, "attempts: " + attempts);

        // Every attempt failing: FAILED after the last one, with nothing sent.
        clock.reset();
        String failing = school.record(school.staff("teacher"), urgentConcern());
        GreenMailResource.stopServer();
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                clock.set(java.time.Instant.now().plus(Duration.ofHours(2L * attempt)));
                dispatchDue();
            }
        } finally {
            GreenMailResource.startServer();
        }
        Map<String, Object> failed = only(school.alerts(dsl), failing);
        assertEquals("FAILED", failed.get("status"));
        assertEquals(MAX_ATTEMPTS, failed.get("attempts"));
        clock.set(java.time.Instant.now().plus(Duration.ofDays(1)));
        dispatchDue();
        assertEquals(0, inbox(school.address("dsl1")).size(), "a FAILED alert is not tried again (the restarted server is empty)");
    }

    @Test
    void aDowngradeSendsADowngradeAlert() throws Exception {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        school.signsIn(dsl);
        String staff = school.staff("teacher");
        String id = school.record(staff, urgentConcern());
        dispatchAll();
        assertEquals(1, inbox(school.address("dsl1")).size());

        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{ \"account\": \"Later: it was a misunderstanding.\", \"factsPatch\": { \"facts\": { \"coercionOrBlackmail\": false } } }")
                .post("/api/v1/incidents/" + id + "/addenda").then().statusCode(201)
                .body("downgrade.removedRoutes", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        dispatchAll();

        List<MimeMessage> inbox = inbox(school.address("dsl1"));
        assertEquals(2, inbox.size());
        MimeMessage downgrade = inbox.stream().filter(m -> subject(m).contains("downgraded")).findFirst().orElseThrow();
        assertTrue(subject(downgrade).startsWith("dsl-triage: a recommendation was downgraded ("), subject(downgrade));
        String body = body(downgrade);
        assertTrue(body.contains("https://dsl-triage.test/console/incidents/" + id), body);
        assertFalse(body.contains("misunderstanding"), body);
        assertFalse(body.contains("Quentin"), body);
        assertTrue(school.alerts(dsl).stream().anyMatch(a -> "DOWNGRADE".equals(a.get("kind")) && "SENT".equals(a.get("status"))));
    }

    @Test
    void tasksThatBecomeOverdueAreAlertedOnceEachInOneEmailPerScanWhenTheClockPassesTheirDueTime() throws Exception {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        school.signsIn(dsl);
        String id = school.record(school.staff("teacher"), urgentConcern());
        dispatchAll();
        assertEquals(1, inbox(school.address("dsl1")).size(), "the urgent concern's alert");
        java.time.Instant decidedAt = java.time.Instant.now();
        clock.set(decidedAt);
        Decisions.referAsRecommended(dsl, id);
        long tasks = tasksOf(id, null);
        assertTrue(tasks > 0, "the decision opened tasks");

        // Before any is due, nothing; an IMMEDIATE task is due when decided, so a minute later it is overdue.
        clock.set(decidedAt.minus(Duration.ofMinutes(1)));
        assertEquals(0, dispatcher.scanOverdueTasks(), "nothing is overdue before its due time");
        clock.set(decidedAt.plus(Duration.ofMinutes(1)));
        int firstScan = dispatcher.scanOverdueTasks();
        assertEquals(tasksOf(id, clock.instant()), firstScan);
        assertEquals(0, dispatcher.scanOverdueTasks(), "a second scan (another replica) queues nothing");
        dispatchAll();
        assertEquals(firstScan > 0 ? 1 : 0, overdueMails(school).size(), "one email for the tasks overdue together");

        // Three weeks on, every task is overdue: the rest are queued, once each.
        clock.set(decidedAt.plus(Duration.ofDays(21)));
        int secondScan = dispatcher.scanOverdueTasks();
        assertEquals(tasks - firstScan, secondScan);
        dispatchAll();
        List<MimeMessage> all = overdueMails(school);
        assertEquals((firstScan > 0 ? 1 : 0) + (secondScan > 0 ? 1 : 0), all.size());
        long alerted = school.alerts(dsl).stream()
                .filter(a -> "TASK_OVERDUE".equals(a.get("kind")) && id.equals(a.get("incidentId")) && "SENT".equals(a.get("status")))
                .count();
        assertEquals(tasks, alerted, "one alert row per task");
        for (MimeMessage m : all) {
            String body = body(m);
            assertTrue(body.contains("https://dsl-triage.test/console/tasks"), body);
            assertFalse(body.contains(id), "the task list, not the incident: " + body);
            assertFalse(body.contains("Quentin"), body);
        }
        assertEquals(0, dispatcher.scanOverdueTasks());
    }

    private List<MimeMessage> overdueMails(School school) {
        return inbox(school.address("dsl1")).stream().filter(m -> subject(m).contains("overdue")).toList();
    }

    private long tasksOf(String incidentId, java.time.Instant dueBefore) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from review_task where incident_id = :id and completed_at is null "
                        + "and due_at < coalesce(cast(:before as timestamptz), 'infinity')")
                .setParameter("id", UUID.fromString(incidentId))
                .setParameter("before", dueBefore == null ? java.time.Instant.parse("9999-01-01T00:00:00Z") : dueBefore)
                .getSingleResult()).longValue());
    }

    @Test
    void aDslWithoutAVerifiedEmailIsNotARecipientAndTheAlertSaysNoRecipients() throws Exception {
        School school = School.fresh();
        String unverified = Tokens.builder("dsl-unverified-" + school.urn(), "dsl").claim("school_urn", school.urn())
                .claim("email", school.address("unverified")).claim("email_verified", false).sign(Tokens.key());
        school.signsIn(unverified);
        String id = school.record(school.staff("teacher"), urgentConcern());
        dispatchAll();
        assertEquals(0, inbox(school.address("unverified")).size());
        Map<String, Object> alert = only(school.alerts(unverified), id);
        assertEquals("NO_RECIPIENTS", alert.get("status"));
        assertEquals(0, alert.get("recipientCount"));
    }

    @Test
    void theListIsForDslsAndPagesWithACursor() {
        School school = School.fresh();
        String dsl = school.dsl("dsl1");
        for (int i = 0; i < 3; i++) {
            school.record(school.staff("teacher"), urgentConcern());
        }
        JsonPath first = given().auth().oauth2(dsl).get("/api/v1/alerts?size=2").then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        String cursor = first.getString("nextCursor");
        JsonPath second = given().auth().oauth2(dsl).queryParam("cursor", cursor).get("/api/v1/alerts?size=2")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, second.getList("items").size());
        assertEquals(null, second.getString("nextCursor"));
        given().auth().oauth2(dsl).get("/api/v1/alerts?cursor=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(school.staff("teacher")).get("/api/v1/alerts").then().statusCode(403);
    }

    /**
     * Runs the dispatcher until nothing is due. On this shared machine GreenMail now and then fails a send (about one
     * in fifty, after a 30 s stall): the alert then waits for its retry, so the clock is moved past the backoff, as
     * time would pass; a duplicate would still fail the tests. The outage test uses {@link #dispatchDue} while the
     * server is down, so that a retry waits for its backoff.
     */
    private void dispatchAll() {
        for (int i = 0; i < 100; i++) {
            AlertDispatcher.Run run = dispatcher.dispatch();
            if (run.retrying() > 0) {
                clock.set(clock.instant().plus(Duration.ofHours(2)));
            } else if (run.claimed() == 0) {
                return;
            }
        }
    }

    /** Runs the dispatcher until nothing is due now, leaving retries to wait. */
    private void dispatchDue() {
        for (int i = 0; i < 100 && dispatcher.dispatch().claimed() > 0; i++) {
            // until nothing is due
        }
    }

    private static Map<String, Object> only(List<Map<String, Object>> alerts, String incidentId) {
        List<Map<String, Object>> of = alerts.stream().filter(a -> incidentId.equals(a.get("incidentId"))).toList();
        assertEquals(1, of.size(), "one alert for the incident: " + of);
        return of.get(0);
    }

    private static List<MimeMessage> inbox(String address) {
        return GreenMailResource.greenMail().findReceivedMessages(u -> address.equals(u.getEmail()), m -> true).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) throws IOException, MessagingException {
        Object content = m.getContent();
        return content instanceof String text ? text : com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
    }

    /** Nothing of the concern: not the account, not the child's words, not a child's reference, not a name. */
    private static void assertNoContent(String text, JsonPath incident) {
        for (String word : List.of("Quentin", "Zephyr", "lunch", "Year 11", "Marigold", "scared", "P1", "P2", "Pupil",
                "NUDE_IMAGE_SHARING", "selfie")) {
            assertFalse(text.contains(word), "the email must not carry '" + word + "': " + text);
        }
        assertFalse(text.contains(incident.getString("account")), text);
    }
}
