package uk.dsltriage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * 16 HTTP clients send 1,120 mixed requests (intake, reads, lists, dry runs, refusals in both schools) to the
 * service while a second writer, standing in for a second replica, links events into the same chains through its
 * own connections (not the service's pool, not its transaction manager) with the same protocol. Every chain touched
 * must verify, and every chain's positions must be 1..n without gaps or duplicates.
 *
 * <p>What this proves: the per-chain head lock keeps chains linear under concurrent writers on independent
 * connections to one database. It does not start a second JVM; the second writer shares ChainWriter's code, not its
 * process. The two-JVM proof is {@code uk.dsltriage.faults.FaultsIT} (integration suite); this stays as the fast check.
 */
@QuarkusTest
class AuditChainConcurrencyTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 70;
    private static final int REPLICA_WRITERS = 4;
    private static final int REPLICA_TRANSACTIONS = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void concurrentRequestsAndASecondWriterLeaveChainsThatVerify() throws Exception {
        String incidentA = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        long mark = AuditEvents.mark(dataSource);
        AtomicInteger served = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + REPLICA_WRITERS);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    mixedRequest(incidentA);
                    served.incrementAndGet();
                }
                return null;
            }));
        }
        for (int w = 0; w < REPLICA_WRITERS; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                secondReplica(writer);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        assertEquals(CLIENTS * REQUESTS_PER_CLIENT, served.get());
        List<AuditEntry> written = AuditEvents.after(dataSource, mark);
        assertTrue(written.size() >= CLIENTS * REQUESTS_PER_CLIENT + REPLICA_WRITERS * REPLICA_TRANSACTIONS,
                "every request and every replica transaction left events: " + written.size());
        for (String chain : List.of("school:" + Fixtures.SCHOOL_A, "school:" + Fixtures.SCHOOL_B, "la:" + Fixtures.LA_1,
                AuditChains.SYSTEM)) {
            Verification result = trail.verify(chain, null, null);
            assertTrue(result.valid(), () -> chain + " is broken at " + result.firstBrokenEventId());
            long inChain = written.stream().filter(e -> e.chain().equals(chain)).count();
            assertTrue(result.checked() >= inChain, chain);
        }
    }

    private static void mixedRequest(String incidentA) {
        int kind = ThreadLocalRandom.current().nextInt(8);
        switch (kind) {
            case 0 -> Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201);
            case 1 -> Persona.STAFF_B.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201);
            case 2 -> Persona.DSL_A.request().get("/api/v1/incidents/" + incidentA).then().statusCode(200);
            case 3 -> Persona.DSL_B.request().get("/api/v1/incidents/" + incidentA).then().statusCode(404);
            case 4 -> Persona.HEAD_A.request().get("/api/v1/incidents?size=5").then().statusCode(200);
            case 5 -> Persona.DSL_A.request().body(Fixtures.addendum("More was said at lunch."))
                    .post("/api/v1/incidents/" + incidentA + "/addenda").then().statusCode(201);
            case 6 -> RestAssured.given().get("/api/v1/incidents/" + incidentA).then().statusCode(401);
            default -> Persona.LA_OFFICER_1.request().get("/api/v1/incidents").then().statusCode(403);
        }
    }

    /** Another replica's writes: its own connection, its own transactions, the same linking protocol. */
    private void secondReplica(int writer) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            String[] chains = {Fixtures.SCHOOL_A, Fixtures.SCHOOL_B};
            for (int t = 0; t < REPLICA_TRANSACTIONS; t++) {
                String school = chains[ThreadLocalRandom.current().nextInt(chains.length)];
                List<AuditEntry> events = new ArrayList<>();
                int count = 1 + ThreadLocalRandom.current().nextInt(2);
                for (int e = 0; e < count; e++) {
                    events.add(new AuditEntry(null, AuditChains.of(school, null), 0, null,
                            Instant.now().truncatedTo(ChronoUnit.MICROS), "replica-2 writer-" + writer, "dsl", school,
                            null, AuditAction.INCIDENT_READ.name(), ObjectKind.INCIDENT.name(), null,
                            AuditOutcome.SUCCESS.name(), null, null, null));
                }
                ChainWriter.link(connection, events);
                connection.commit();
            }
        }
    }
}
