package uk.dsltriage.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import uk.dsltriage.audit.ChainCheck;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.security.keycloak.KeycloakTokens;
import uk.dsltriage.support.Fixtures;

/**
 * Faults with real processes (issue 16) and the two-instance audit proof (issue 11): a PostgreSQL this suite stops and
 * restarts, TWO JVMs of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) on one database, and a
 * Keycloak of its own on 8280 that it takes away. Run by failsafe after {@code package} ({@code mvn verify});
 * {@code -DskipITs} skips it. Measured figures go to {@code target/faults/fault-report.md}
 * (docs/fault-report.md is a committed copy of a run).
 *
 * <p>Waits are polls with generous bounds (a slow 2-core CI machine); the one fixed sleep is the 10 s the database is
 * kept down, which is the fault itself, not a proof.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final int PG_PORT = 28432;
    private static final int PORT_A = 28081;
    private static final int PORT_B = 28082;
    private static final String INCIDENTS = "/api/v1/incidents";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DECISION = """
            { "outcome": "MANAGED_INTERNALLY", "acceptRecommendation": true, "parentsInformed": true,
              "dslAttestation": { "sufficientInformation": true, "risksManageableInSetting": true, "headteacherConsulted": true },
              "reviewBy": "2027-06-30",
              "childViews": "Both pupils want it dealt with in school.", "childViewsWeighed": "Consistent with the guidance." }
            """;

    private final Http http = new Http(Duration.ofSeconds(60));
    private final Map<String, String> report = Collections.synchronizedMap(new LinkedHashMap<>());
    private Path repo;
    private Path work;
    private ControlledPostgres postgres;
    private FaultKeycloak keycloak;
    private boolean keycloakStartedHere;
    private KeycloakTokens tokens;
    private ServiceInstance a;
    private ServiceInstance b;
    private List<ServiceInstance> instances;

    // ------------------------------------------------------------------ processes

    @BeforeAll
    void startProcesses() throws Exception {
        repo = repoRoot();
        Path jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "package first: " + jar + " (mvn verify runs this suite after package)");
        work = repo.resolve("target/faults");
        deleteTree(work.resolve("pgdata"));
        Files.createDirectories(work);
        say("load average at start: " + loadAverage());

        long t0 = System.nanoTime();
        keycloak = new FaultKeycloak(repo, work);
        CompletableFuture<Void> identityProvider = CompletableFuture.runAsync(() -> {
            if (!keycloak.running()) {
                keycloakStartedHere = true;
                keycloak.start();
            }
        });
        postgres = new ControlledPostgres(work, PG_PORT);
        postgres.start();
        say("PostgreSQL on " + PG_PORT + " up after " + secondsSince(t0) + " s");

        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Map<String, String> env = Map.of(
                "DB_URL", postgres.jdbcUrl(), "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "OIDC_AUTH_SERVER_URL", FaultKeycloak.ISSUER, "OIDC_ISSUER", FaultKeycloak.ISSUER,
                "IDENTITY_MASTER_KEYS", "faults-it:" + Base64.getEncoder().encodeToString(master),
                // The console's OIDC client secret: required in prod; this suite never signs in to the console.
                "CONSOLE_CLIENT_SECRET", "faults-it-console-secret-unused-" + UUID.randomUUID());
        // Readiness asks the identity provider every 2 s instead of every minute, so its absence shows within the suite.
        Map<String, String> config = Map.of("dsltriage.readiness.identity-provider.refresh-after", "PT2S");
        // Started while Keycloak may still be starting: the service connects to it on first use, and is not ready
        // (no signing keys) until it can.
        a = ServiceInstance.start("instance-a", PORT_A, jar, work, env, config);
        b = ServiceInstance.start("instance-b", PORT_B, jar, work, env, config);
        instances = List.of(a, b);
        identityProvider.get(8, TimeUnit.MINUTES);
        tokens = new KeycloakTokens(FaultKeycloak.BASE_URL);
        say("Keycloak on " + FaultKeycloak.PORT + " up after " + secondsSince(t0) + " s");
        a.awaitReady(http, READY_TIMEOUT);
        b.awaitReady(http, READY_TIMEOUT);
        report.put("Setup", "PostgreSQL (Zonky binaries, fixed data dir) on " + PG_PORT + ", two service JVMs on "
                + PORT_A + " and " + PORT_B + ", Keycloak on " + FaultKeycloak.PORT + "; all ready after " + secondsSince(t0)
                + " s; load average " + loadAverage());
    }

    @AfterAll
    void stopProcesses() throws Exception {
        for (ServiceInstance instance : instances == null ? List.<ServiceInstance>of() : instances) {
            instance.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (keycloakStartedHere && keycloak.running()) {
            keycloak.stop();
        }
        StringBuilder md = new StringBuilder("# Fault suite (FaultsIT): measured run\n\n");
        md.append("Written by `FaultsIT` at ").append(Instant.now()).append(" (load average at the end: ")
                .append(loadAverage()).append(").\n\n");
        report.forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        Files.writeString(work.resolve("fault-report.md"), md.toString(), StandardCharsets.UTF_8);
        say("report: " + work.resolve("fault-report.md"));
    }

    // ------------------------------------------------------------------ 1. retries across two instances

    @Test
    @Order(1)
    void retriesWithOneIdempotencyKeyAcrossTwoInstancesNeverDuplicate() throws Exception {
        String staff = tokens.accessToken("staff.a");
        String dsl = tokens.accessToken("dsl.a");
        int[] logStart = logMarks();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // Sequential: the first try gives up after 50 ms (a client timeout; the server may still be working on it),
            // the retry goes to the other instance, a third try to the first again.
            int timedOut = 0;
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "retry-seq-" + UUID.randomUUID();
                keys.add(key);
                ServiceInstance first = instances.get(i % 2);
                ServiceInstance other = instances.get((i + 1) % 2);
                Http.Reply impatient = http.post(first.base() + INCIDENTS, staff, Fixtures.incident(), Map.of("Idempotency-Key", key),
                        Duration.ofMillis(50));
                if (impatient.status() == Http.TIMED_OUT) {
                    timedOut++;
                }
                Http.Reply retry = http.post(other.base() + INCIDENTS, staff, Fixtures.incident(), Map.of("Idempotency-Key", key));
                Http.Reply again = http.post(first.base() + INCIDENTS, staff, Fixtures.incident(), Map.of("Idempotency-Key", key));
                assertEquals(201, retry.status(), () -> "retry: " + retry);
                assertEquals(201, again.status(), () -> "third try: " + again);
                assertEquals(id(retry), id(again), "a retry answers the incident of the first call");
                if (impatient.status() == 201) {
                    assertEquals(id(retry), id(impatient));
                }
            }

            // Concurrent: four calls with one key at once, two on each instance.
            for (int i = 0; i < 20; i++) {
                String key = "retry-par-" + UUID.randomUUID();
                keys.add(key);
                List<Future<Http.Reply>> calls = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    ServiceInstance target = instances.get(c % 2);
                    calls.add(pool.submit(() -> http.post(target.base() + INCIDENTS, staff, Fixtures.incident(),
                            Map.of("Idempotency-Key", key))));
                }
                Set<String> ids = new HashSet<>();
                for (Future<Http.Reply> call : calls) {
                    Http.Reply reply = call.get(2, TimeUnit.MINUTES);
                    assertEquals(201, reply.status(), () -> "concurrent call: " + reply);
                    ids.add(id(reply));
                }
                assertEquals(1, ids.size(), "four concurrent calls with one key answer one incident");
            }

            // Addenda: four concurrent calls with one key, two on each instance.
            String incident = id(http.post(a.base() + INCIDENTS, staff, Fixtures.incident(), Map.of()));
            List<String> addendumKeys = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String key = "retry-add-" + UUID.randomUUID();
                addendumKeys.add(key);
                String body = Fixtures.addendum("Follow-up note " + i + ": the pupil spoke to the DSL again.");
                List<Future<Http.Reply>> calls = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    ServiceInstance target = instances.get(c % 2);
                    calls.add(pool.submit(() -> http.post(target.base() + INCIDENTS + "/" + incident + "/addenda", dsl, body,
                            Map.of("Idempotency-Key", key))));
                }
                Set<String> ids = new HashSet<>();
                for (Future<Http.Reply> call : calls) {
                    Http.Reply reply = call.get(2, TimeUnit.MINUTES);
                    assertEquals(201, reply.status(), () -> "concurrent addendum: " + reply);
                    ids.add(id(reply));
                }
                assertEquals(1, ids.size(), "four concurrent addenda with one key answer one addendum");
            }

            int duplicates = 0;
            try (Connection c = postgres.connect()) {
                for (String key : keys) {
                    int rows = count(c, "select count(*) from incident where idempotency_key = ?", key);
                    assertTrue(rows >= 1, "the incident of key " + key + " is stored");
                    duplicates += rows - 1;
                }
                for (String key : addendumKeys) {
                    int rows = count(c, "select count(*) from incident_addendum where idempotency_key = ?", key);
                    assertTrue(rows >= 1, "the addendum of key " + key + " is stored");
                    duplicates += rows - 1;
                }
            }
            report.put("Retries", "20 sequential keys (first try abandoned by the client after 50 ms: " + timedOut
                    + " of 20 timed out; retry on the other instance, then the first again), 20 keys sent 4 times at once "
                    + "(2 per instance), 10 addendum keys sent 4 times at once: duplicates in the database " + duplicates
                    + "; log: " + describe(logFaults(logStart)));
            assertEquals(0, duplicates, "no retry created a second record");
            assertEquals(List.of(), logFaults(logStart), "a client that gives up leaves no error or stack trace in the log");
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ 2. issue 11: two instances, chains verify

    @Test
    @Order(2)
    void parallelMixedRunThroughTwoInstancesLeavesChainsThatVerify() throws Exception {
        Map<String, String> token = new HashMap<>();
        for (String user : List.of("staff.a", "staff.b", "dsl.a", "dsl.b", "auditor.a")) {
            token.put(user, tokens.accessToken(user));
        }
        Map<String, List<String>> bySchool = new ConcurrentHashMap<>();
        bySchool.put("a", new CopyOnWriteArrayList<>(List.of(id(http.post(a.base() + INCIDENTS, token.get("staff.a"), Fixtures.incident(), Map.of())))));
        bySchool.put("b", new CopyOnWriteArrayList<>(List.of(id(http.post(b.base() + INCIDENTS, token.get("staff.b"), Fixtures.incident(), Map.of())))));
        int[] logStart = logMarks();
        Map<String, AtomicInteger> tally = new ConcurrentSkipListTally();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        int clients = 16;
        int rounds = 66;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int me = client;
                running.add(pool.submit(() -> {
                    String school = me % 2 == 0 ? "a" : "b";
                    String other = school.equals("a") ? "b" : "a";
                    for (int i = 0; i < rounds; i++) {
                        ServiceInstance at = instances.get((me + i) % 2);
                        List<String> ids = bySchool.get(school);
                        String some = ids.get(Math.floorMod(me * 31 + i, ids.size()));
                        String kind;
                        List<Http.Reply> replies = new ArrayList<>();
                        switch (i % 10) {
                            case 0, 5 -> {
                                kind = "intake";
                                Http.Reply r = http.post(at.base() + INCIDENTS, token.get("staff." + school), Fixtures.incident(),
                                        Map.of("Idempotency-Key", "mixed-" + UUID.randomUUID()));
                                replies.add(r);
                                if (r.status() == 201) {
                                    ids.add(id(r));
                                }
                            }
                            case 1 -> {
                                kind = "read";
                                replies.add(http.get(at.base() + INCIDENTS + "/" + some, token.get("dsl." + school)));
                            }
                            case 2 -> {
                                kind = "list";
                                replies.add(http.get(at.base() + INCIDENTS + "?size=20", token.get("dsl." + school)));
                            }
                            case 3 -> {
                                kind = "addendum";
                                replies.add(http.post(at.base() + INCIDENTS + "/" + some + "/addenda", token.get("dsl." + school),
                                        Fixtures.addendum("The DSL spoke to the pupil again (round " + i + ")."), Map.of()));
                            }
                            case 4 -> {
                                kind = i % 20 == 4 ? "review-queue" : "tasks";
                                replies.add(http.get(at.base() + (i % 20 == 4 ? "/api/v1/review-queue" : "/api/v1/tasks"),
                                        token.get("dsl." + school)));
                            }
                            case 6 -> {
                                kind = "decision";
                                Http.Reply review = http.get(at.base() + INCIDENTS + "/" + some + "/review", token.get("dsl." + school));
                                replies.add(review);
                                if (review.status() == 200 && review.header("ETag") != null) {
                                    ServiceInstance next = instances.get((me + i + 1) % 2);
                                    replies.add(http.post(next.base() + INCIDENTS + "/" + some + "/decision", token.get("dsl." + school),
                                            DECISION, Map.of("If-Match", review.header("ETag"))));
                                }
                            }
                            case 7 -> {
                                kind = school.equals("a") ? "audit-search" : "access-log";
                                replies.add(school.equals("a")
                                        ? http.get(at.base() + "/api/v1/audit?limit=20", token.get("auditor.a"))
                                        : http.get(at.base() + INCIDENTS + "/" + some + "/access-log", token.get("dsl.b")));
                            }
                            case 8 -> {
                                kind = "other-school (404)";
                                replies.add(http.get(at.base() + INCIDENTS + "/" + some, token.get("dsl." + other)));
                            }
                            default -> {
                                kind = "no token (401)";
                                replies.add(http.get(at.base() + INCIDENTS, null));
                            }
                        }
                        for (Http.Reply r : replies) {
                            requests.incrementAndGet();
                            tally.computeIfAbsent(kind + " " + r.status(), k -> new AtomicInteger()).incrementAndGet();
                            if (r.status() < 200 || r.status() >= 500 || (r.status() >= 400 && !r.problem())) {
                                failures.add(kind + " on " + at.name + ": " + r.status() + " " + r.contentType());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = secondsSince(t0);
        assertTrue(failures.isEmpty(), "no 5xx, no timeout, every refusal problem+json: " + failures);
        assertTrue(requests.get() >= 1000, "at least 1,000 requests: " + requests);
        assertEquals(0, tally.entrySet().stream().filter(e -> e.getKey().startsWith("other-school") && !e.getKey().endsWith(" 404"))
                .mapToInt(e -> e.getValue().get()).sum(), "another school's record is 404: " + tally);
        assertTrue(tally.getOrDefault("decision 201", new AtomicInteger()).get() > 0, "some decisions were recorded: " + tally);

        Map<String, String> verified = verifyEverywhere(token.get("auditor.a"));
        report.put("Issue 11, two instances", requests + " mixed requests from " + clients + " concurrent clients over both "
                + "instances in " + seconds + " s; outcomes " + new TreeMap<>(tally) + "; verify: " + verified + "; log: "
                + describe(logFaults(logStart)));
        assertEquals(List.of(), logFaults(logStart), "no error or stack trace in the log");
    }

    /** GET /audit/verify from both instances (school A's auditor), then every chain in the database from outside. */
    private Map<String, String> verifyEverywhere(String auditor) throws Exception {
        Map<String, String> verified = new LinkedHashMap<>();
        for (ServiceInstance instance : instances) {
            Http.Reply reply = http.get(instance.base() + "/api/v1/audit/verify", auditor);
            assertEquals(200, reply.status(), () -> "verify on " + instance.name + ": " + reply);
            JsonNode result = JSON.readTree(reply.body());
            assertTrue(result.get("valid").asBoolean(), "school A's chain verifies on " + instance.name + ": " + reply.body());
            assertTrue(result.get("checked").asLong() > 0);
            verified.put("API on " + instance.name + " (school:" + Fixtures.SCHOOL_A + ")",
                    "valid, " + result.get("checked").asLong() + " events");
        }
        try (Connection c = postgres.connect()) {
            List<ChainCheck.Result> chains = ChainCheck.everyChain(c);
            Set<String> names = new HashSet<>();
            for (ChainCheck.Result chain : chains) {
                assertTrue(chain.valid(), "chain " + chain.chain() + " verifies: " + chain);
                names.add(chain.chain());
                verified.put(chain.chain(), "valid, " + chain.checked() + " events");
            }
            assertTrue(names.containsAll(List.of("school:" + Fixtures.SCHOOL_A, "school:" + Fixtures.SCHOOL_B, "system")),
                    "both schools' chains and the system chain were written: " + names);
        }
        return verified;
    }

    // ------------------------------------------------------------------ 3. the database stops for 10 s

    @Test
    @Order(3)
    void databaseStoppedForTenSecondsThenRecoversWithNothingAcknowledgedLost() throws Exception {
        String staff = tokens.accessToken("staff.a");
        String dsl = tokens.accessToken("dsl.a");
        String auditor = tokens.accessToken("auditor.a");
        int[] logStart = logMarks();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        List<Probe> readiness = new CopyOnWriteArrayList<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        Set<String> outcomeUnknown = ConcurrentHashMap.newKeySet();
        List<String> readIds = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        try {
            for (int w = 0; w < 3; w++) {
                int me = w;
                load.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        ServiceInstance at = instances.get((me + i) % 2);
                        String key = "fault-" + UUID.randomUUID();
                        sent.add(key);
                        long start = System.nanoTime();
                        Http.Reply r = http.post(at.base() + INCIDENTS, staff, Fixtures.incident(), Map.of("Idempotency-Key", key));
                        attempts.add(new Attempt("write", at.name, start, System.nanoTime(), r));
                        if (r.status() == 503 && r.body().contains(COMMIT_OUTCOME_UNKNOWN)) {
                            outcomeUnknown.add(key);
                        }
                        if (r.status() == 201) {
                            acknowledged.add(key);
                            readIds.add(id(r));
                        }
                        pace();
                    }
                    return null;
                }));
            }
            for (int rd = 0; rd < 2; rd++) {
                int me = rd;
                load.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        ServiceInstance at = instances.get((me + i) % 2);
                        long start = System.nanoTime();
                        Http.Reply r = readIds.isEmpty() || i % 2 == 0
                                ? http.get(at.base() + INCIDENTS + "?size=10", dsl)
                                : http.get(at.base() + INCIDENTS + "/" + readIds.get(i % readIds.size()), dsl);
                        attempts.add(new Attempt("read", at.name, start, System.nanoTime(), r));
                        pace();
                    }
                    return null;
                }));
            }
            load.add(pool.submit(() -> {
                while (!stop.get()) {
                    for (ServiceInstance at : instances) {
                        long start = System.nanoTime();
                        Http.Reply r = http.get(at.base() + "/q/health/ready", null);
                        readiness.add(new Probe(at.name, start, System.nanoTime(), r.status(), r.body()));
                    }
                    Thread.sleep(250);
                }
                return null;
            }));

            awaitCondition(Duration.ofSeconds(120), () -> acknowledged.size() >= 10, "steady load before the fault");
            long stopping = System.nanoTime();
            postgres.stop();
            long down = System.nanoTime();
            say("PostgreSQL stopped (" + millis(stopping, down) + " ms); keeping it down for 10 s");
            Thread.sleep(10_000); // the fault: ten seconds without a database
            long starting = System.nanoTime();
            postgres.start();
            long up = System.nanoTime();
            say("PostgreSQL accepting connections again (" + millis(starting, up) + " ms)");

            Map<String, Long> recoveredWrite = new ConcurrentHashMap<>();
            Map<String, Long> recoveredReady = new ConcurrentHashMap<>();
            awaitCondition(Duration.ofSeconds(180), () -> {
                for (ServiceInstance at : instances) {
                    attempts.stream().filter(x -> x.instance.equals(at.name) && x.kind.equals("write") && x.start >= up && x.reply.status() == 201)
                            .mapToLong(x -> x.end).min().ifPresent(t -> recoveredWrite.put(at.name, t));
                    readiness.stream().filter(p -> p.instance.equals(at.name) && p.start >= up && p.status == 200)
                            .mapToLong(p -> p.end).min().ifPresent(t -> recoveredReady.put(at.name, t));
                }
                return recoveredWrite.size() == 2 && recoveredReady.size() == 2;
            }, "both instances write again and are ready after the database returned");
            long settle = System.nanoTime();
            awaitCondition(Duration.ofSeconds(60), () -> attempts.stream().filter(x -> x.start > settle && x.reply.status() == 201).count() >= 10,
                    "steady load after recovery");
            stop.set(true);
            for (Future<?> f : load) {
                f.get(3, TimeUnit.MINUTES);
            }

            // Every answer: a success or a 503 problem; never a 500, a hang or a stack trace.
            List<String> bad = new ArrayList<>();
            List<Long> unavailableMillis = new ArrayList<>();
            for (Attempt x : attempts) {
                int s = x.reply.status();
                if (s == 503) {
                    unavailableMillis.add(x.reply.millis());
                    if (!x.reply.problem() || x.reply.header("Retry-After") == null || leaksDetail(x.reply.body())) {
                        bad.add("503 without problem+json, Retry-After or clean body on " + x.instance + ": " + x.reply);
                    }
                } else if (s != 200 && s != 201) {
                    bad.add(x.kind + " on " + x.instance + ": HTTP " + s + " after " + x.reply.millis() + " ms " + x.reply.body());
                }
            }
            assertTrue(bad.isEmpty(), () -> "only 200/201 or a 503 problem: " + bad.subList(0, Math.min(10, bad.size())) + "; "
                    + describe(logFaults(logStart)));
            assertFalse(unavailableMillis.isEmpty(), "requests while the database was down answered 503");
            Collections.sort(unavailableMillis);
            long max503 = unavailableMillis.get(unavailableMillis.size() - 1);
            assertTrue(max503 < 10_000, "a 503 comes within the bounded acquisition/connect timeouts: max " + max503 + " ms");

            List<Probe> readinessDown = readiness.stream().filter(p -> p.start >= down && p.end <= starting).toList();
            for (ServiceInstance at : instances) {
                assertTrue(readinessDown.stream().anyMatch(p -> p.instance.equals(at.name) && p.status == 503 && p.body.contains("DOWN")),
                        "readiness of " + at.name + " is DOWN while the database is stopped");
            }
            long maxReadinessMillis = readiness.stream().mapToLong(p -> millis(p.start, p.end)).max().orElse(0);
            assertTrue(maxReadinessMillis < 10_000, "readiness answers within bounds: max " + maxReadinessMillis + " ms");

            // Acknowledged writes are all there, once; nothing unacknowledged was stored.
            Set<String> stored = new HashSet<>();
            int duplicates = 0;
            try (Connection c = postgres.connect();
                 PreparedStatement s = c.prepareStatement("select idempotency_key, count(*) from incident where idempotency_key like 'fault-%' group by idempotency_key");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                    duplicates += rs.getInt(2) - 1;
                }
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            Set<String> unacknowledgedStored = new HashSet<>(stored);
            unacknowledgedStored.removeAll(acknowledged);
            // Lost during the commit itself, a write may have been committed: its answer says so, and only such a
            // write may be stored without a 201 (a retry with its key would answer as the first time).
            Set<String> refusedStored = new HashSet<>(unacknowledgedStored);
            refusedStored.removeAll(outcomeUnknown);
            assertTrue(sent.containsAll(stored));

            for (ServiceInstance at : instances) {
                assertTrue(at.alive(), at.name + " still runs");
            }
            List<String> traces = logFaults(logStart);

            long count503 = unavailableMillis.size();
            long after503 = attempts.stream().filter(x -> x.start >= up && x.reply.status() == 503).count();
            report.put("Database stopped for 10 s under load", attempts.size() + " requests by 3 writers and 2 readers over both "
                    + "instances; " + acknowledged.size() + " writes acknowledged (201), " + (sent.size() - acknowledged.size())
                    + " refused; acknowledged writes lost: " + lost.size() + "; unacknowledged writes stored: "
                    + unacknowledgedStored.size() + " (answered commit-outcome-unknown: " + outcomeUnknown.size()
                    + "); duplicates: " + duplicates);
            report.put("503 while down", count503 + " answers, all problem+json with Retry-After; latency p50 "
                    + percentile(unavailableMillis, 50) + " ms, p95 " + percentile(unavailableMillis, 95) + " ms, max " + max503
                    + " ms; 503s to requests started after the database was back: " + after503);
            report.put("Readiness", "while down: " + summary(readinessDown) + "; slowest readiness answer " + maxReadinessMillis + " ms");
            report.put("Time to recover", "after PostgreSQL accepted connections again: first 201 on instance-a "
                    + millis(up, recoveredWrite.get("instance-a")) + " ms, instance-b " + millis(up, recoveredWrite.get("instance-b"))
                    + " ms; readiness UP on instance-a " + millis(up, recoveredReady.get("instance-a")) + " ms, instance-b "
                    + millis(up, recoveredReady.get("instance-b")) + " ms (stop took " + millis(stopping, down) + " ms, restart "
                    + millis(starting, up) + " ms)");
            report.put("Logs during the fault", describe(traces));

            assertEquals(Set.of(), lost, "every acknowledged write survived the restart");
            assertEquals(Set.of(), refusedStored, "no write that was refused was stored (only one whose commit's outcome was unknown may be)");
            assertEquals(0, duplicates);
            assertEquals(List.of(), traces, "no stack trace or internal error in the logs");

            Map<String, String> verified = verifyEverywhere(auditor);
            report.put("Audit chains after the restart", verified.toString());
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ 4. the identity provider goes away

    @Test
    @Order(4)
    void identityProviderAwayTokensAlreadyIssuedKeepVerifyingAndNothingHangs() throws Exception {
        String dsl = tokens.accessToken("dsl.a");
        String staff = tokens.accessToken("staff.a");
        String shortLived = tokens.password("dsl-triage", "dsl-triage-cli-short-lived", "dsl.a", null).accessToken();
        long shortExp = ((Number) KeycloakTokens.payload(shortLived).get("exp")).longValue();
        for (ServiceInstance at : instances) {
            assertEquals(200, http.get(at.base() + INCIDENTS, dsl).status(), "control: the token verifies on " + at.name);
        }
        int[] logStart = logMarks();

        long t0 = System.nanoTime();
        keycloak.stop();
        say("Keycloak on " + FaultKeycloak.PORT + " stopped after " + millis(t0, System.nanoTime()) + " ms");
        assertFalse(keycloak.running());

        Map<String, String> readinessAway = new LinkedHashMap<>();
        List<Long> verifiedMillis = new ArrayList<>();
        for (ServiceInstance at : instances) {
            Http.Reply read = http.get(at.base() + INCIDENTS, dsl);
            assertEquals(200, read.status(), () -> "a token issued before keeps verifying on " + at.name + ": " + read);
            verifiedMillis.add(read.millis());
            Http.Reply write = http.post(at.base() + INCIDENTS, staff, Fixtures.incident(), Map.of("Idempotency-Key", "idp-away-" + UUID.randomUUID()));
            assertEquals(201, write.status(), () -> "and writes work on " + at.name + ": " + write);
            verifiedMillis.add(write.millis());

            String[] last = new String[1];
            awaitCondition(Duration.ofSeconds(60), () -> {
                Http.Reply ready = http.get(at.base() + "/q/health/ready", null);
                last[0] = ready.status() + " " + identityProviderCheck(ready.body());
                return ready.status() == 200 && identityProviderCheck(ready.body()).contains("unreachable");
            }, "readiness of " + at.name + " reports the identity provider unreachable while staying UP");
            readinessAway.put(at.name, last[0]);
        }

        // A token from an unknown key makes the service try to refresh the keys: it fails fast, the answer is a 401.
        List<Long> unknownKeyMillis = new ArrayList<>();
        String forged = forgedToken();
        for (ServiceInstance at : instances) {
            Http.Reply reply = http.get(at.base() + INCIDENTS, forged);
            assertEquals(401, reply.status(), () -> "a token from an unknown key is refused on " + at.name + ": " + reply);
            assertTrue(reply.problem());
            unknownKeyMillis.add(reply.millis());
            assertTrue(reply.millis() < 15_000, "the key refresh is bounded: " + reply.millis() + " ms");
        }

        // Until they expire: the short-lived token (4 s) is refused once past its expiry, identity provider or not.
        awaitCondition(Duration.ofSeconds(60), () -> Instant.now().getEpochSecond() > shortExp + 1, "the short-lived token expires");
        for (ServiceInstance at : instances) {
            Http.Reply reply = http.get(at.base() + INCIDENTS, shortLived);
            assertEquals(401, reply.status(), () -> "an expired token is refused on " + at.name + ": " + reply);
        }

        List<String> traces = logFaults(logStart);
        report.put("Identity provider away", "Keycloak stopped; tokens issued before it verified from cached keys on both "
                + "instances (reads 200, writes 201; slowest " + Collections.max(verifiedMillis) + " ms); readiness "
                + readinessAway + "; a token from an unknown key answered 401 in " + unknownKeyMillis + " ms (bounded key "
                + "refresh); a 4 s token answered 401 once expired; log: " + describe(traces));
        assertEquals(List.of(), traces, "no stack trace or internal error in the logs");
    }

    // ------------------------------------------------------------------ helpers

    private record Attempt(String kind, String instance, long start, long end, Http.Reply reply) {
    }

    private record Probe(String instance, long start, long end, int status, String body) {
    }

    /** A sorted-key tally map (kept as a named type so the test reads plainly). */
    private static final class ConcurrentSkipListTally extends java.util.concurrent.ConcurrentSkipListMap<String, AtomicInteger> {
    }

    private interface Check {
        boolean met() throws Exception;
    }

    private static void awaitCondition(Duration timeout, Check check, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.met()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Client pacing between requests, so the load stays steady rather than a spin while everything answers 503. */
    private static void pace() throws InterruptedException {
        Thread.sleep(40);
    }

    private static String id(Http.Reply reply) {
        assertEquals(201, reply.status(), () -> "expected 201: " + reply.status() + " " + reply.body());
        try {
            JsonNode id = JSON.readTree(reply.body()).get("id");
            assertNotNull(id, "201 body has an id");
            return id.asText();
        } catch (IOException e) {
            throw new AssertionError("201 body is not JSON", e);
        }
    }

    private static int count(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A problem body must name no exception, frame, SQL state text or driver. */
    private static boolean leaksDetail(String body) {
        return body == null || body.contains("Exception") || body.contains("\tat ") || body.contains("org.postgresql")
                || body.contains("PSQL") || body.contains("java.");
    }

    private int[] logMarks() {
        return instances.stream().mapToInt(i -> i.logText().length()).toArray();
    }

    /**
     * Lines of either instance's log since the marks that carry a stack trace or an error. Vert.x's blocked-thread
     * warnings are left out (counted in the report instead): they measure a starved CPU, not the service's handling.
     */
    private List<String> logFaults(int[] from) {
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            instances.get(i).logText().substring(from[i]).lines()
                    .filter(line -> !line.contains(BLOCKED_THREAD_CHECKER))
                    .filter(FaultsIT::stackTraceOrError)
                    .limit(5)
                    .map(line -> line.length() > 400 ? line.substring(0, 400) + "..." : line)
                    .forEach(faults::add);
        }
        return faults;
    }

    private String describe(List<String> faults) {
        long blocked = instances.stream().flatMap(i -> i.logText().lines()).filter(l -> l.contains(BLOCKED_THREAD_CHECKER)).count();
        return (faults.isEmpty() ? "no stack trace and no error line in either instance's log" : "FOUND: " + faults)
                + " (blocked event-loop warnings from Vert.x so far, a sign of CPU starvation: " + blocked + ")";
    }

    private static final String COMMIT_OUTCOME_UNKNOWN = ProblemType.COMMIT_OUTCOME_UNKNOWN.uri().toString();

    private static final String BLOCKED_THREAD_CHECKER = "\"loggerName\":\"io.vertx.core.impl.BlockedThreadChecker\"";

    /** A console line that is (part of) a stack trace or logged at ERROR (the problem mapper's internal error too). */
    static boolean stackTraceOrError(String line) {
        return line.startsWith("\tat ") || line.contains("\"stackTrace\"") || line.contains("\"frames\"")
                || line.contains("Caused by:") || line.contains("Unexpected ") || line.contains("\"level\":\"ERROR\"");
    }

    private static String identityProviderCheck(String readinessBody) {
        try {
            for (JsonNode check : JSON.readTree(readinessBody).get("checks")) {
                if (check.get("name").asText().contains("identity provider")) {
                    return check.get("status").asText() + " " + check.path("data").path("source").asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
        return "absent";
    }

    private static String summary(List<Probe> probes) {
        Map<String, Map<String, Integer>> byInstance = new TreeMap<>();
        for (Probe p : probes) {
            byInstance.computeIfAbsent(p.instance, k -> new TreeMap<>()).merge(p.status == 200 ? "UP" : p.status + " DOWN", 1, Integer::sum);
        }
        return byInstance.toString();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static long secondsSince(long t0) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    }

    /** RS256 token with the right issuer and audience, signed by a key the realm never had. */
    private static String forgedToken() throws Exception {
        var pair = KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var keys = pair.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = KeycloakTokens.b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}");
        String payload = KeycloakTokens.b64("{\"iss\":\"" + FaultKeycloak.ISSUER + "\",\"aud\":\"dsl-triage-api\",\"sub\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"school_urn\":\"" + Fixtures.SCHOOL_A
                + "\",\"realm_access\":{\"roles\":[\"dsl\"]}}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + KeycloakTokens.b64(rs256.sign());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path repoRoot() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("deploy/keycloak/keycloak.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("repository root not found");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void say(String line) {
        System.out.println("[FaultsIT] " + line);
    }
}
