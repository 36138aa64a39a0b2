package uk.dsltriage.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * The cost of the chain (bench/audit/README.md). Run on purpose only:
 * {@code mvn -B -o test -Dtest=AuditBench -Dbench.audit=true}. Prints its results; nothing is asserted, because the
 * numbers depend on the machine.
 */
@QuarkusTest
@TestProfile(AuditBench.Profile.class)
@EnabledIfSystemProperty(named = "bench.audit", matches = "true")
class AuditBench {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(SwitchableChainWriter.class);
        }
    }

    private static final int CLIENTS = 8;
    private static final long ROUND_MILLIS = Long.getLong("bench.round.millis", 20_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int EVENTS = Integer.getInteger("bench.verify.events", 1_000_000);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail trail;

    @Test
    void intakeThroughputWithAndWithoutTheChain() throws Exception {
        round(true, 5_000);
        round(false, 5_000);
        List<String> lines = new ArrayList<>();
        double chained = 0;
        double unchained = 0;
        // Alternate the two modes so that a change in the machine's load hits both alike.
        for (int r = 0; r < ROUNDS; r++) {
            double without = round(false, ROUND_MILLIS);
            double with = round(true, ROUND_MILLIS);
            unchained += without;
            chained += with;
            lines.add(String.format("round %d: without chain %.1f/s, with chain %.1f/s", r + 1, without, with));
        }
        lines.add(String.format("mean: without chain %.1f/s, with chain %.1f/s, ratio %.3f", unchained / ROUNDS,
                chained / ROUNDS, chained / unchained));
        lines.forEach(line -> System.out.println("AUDIT-BENCH intake " + line));
    }

    @Test
    void verifyAMillionEvents() throws Exception {
        String chain = "bench:" + System.nanoTime() % 1_000_000;
        long loadStart = System.nanoTime();
        load(chain, EVENTS);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long start = System.nanoTime();
        Verification result = trail.verify(chain, null, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("AUDIT-BENCH verify %d events: valid=%s checked=%d in %.1f s (%.0f events/s); loading took %.1f s%n",
                EVENTS, result.valid(), result.checked(), seconds, result.checked() / seconds, loadSeconds);
    }

    private static double round(boolean chained, long millis) throws Exception {
        SwitchableChainWriter.chained = chained;
        AtomicLong done = new AtomicLong();
        long end = System.currentTimeMillis() + millis;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        Persona[] people = {Persona.STAFF_A, Persona.STAFF_A2, Persona.STAFF_B, Persona.DSL_A};
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            Persona who = people[c % people.length];
            clients.add(pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    who.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Writes a valid chain of n events with COPY (hashes computed here, as the writer would) and its head. */
    private void load(String chain, int n) throws Exception {
        Instant at = Instant.parse("2026-09-01T08:00:00Z");
        String prev = AuditEntry.GENESIS;
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                AuditEntry e = new AuditEntry(null, chain, 0, null, at.plus(i, ChronoUnit.MILLIS),
                        "http://127.0.0.1:8180/realms/dsl-triage 5b0c2a4e-0000-4000-8000-" + String.format("%012d", i % 5000),
                        "dsl", null, null, AuditAction.INCIDENT_READ.name(), ObjectKind.INCIDENT.name(),
                        "6f1d3c1e-0000-4000-8000-" + String.format("%012d", i), AuditOutcome.SUCCESS.name(), null,
                        "c0rrelation-" + i, null).linked(i, prev);
                prev = e.hash();
                batch.append(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)).append('\t').append(e.actor()).append('\t')
                        .append(e.roles()).append("\t\\N\t\\N\t").append(e.action()).append('\t').append(e.objectKind())
                        .append('\t').append(e.objectId()).append('\t').append(e.outcome()).append("\t\\N\t")
                        .append(e.correlationId()).append('\t').append(chain).append('\t').append(e.seq()).append('\t')
                        .append(e.prevHash()).append('\t').append(e.hash()).append('\n');
                if (i % 50_000 == 0 || i == n) {
                    copy.copyIn("copy audit_event (at, actor, roles, school_urn, la_code, action, object_type, object_id, "
                            + "outcome, endpoint, correlation_id, chain, seq, prev_hash, hash) from stdin",
                            new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
            try (PreparedStatement head = c.prepareStatement(
                    "insert into audit_chain_head (chain, seq, hash, last_event_id) values (?, ?, ?, (select max(id) from audit_event where chain = ?))")) {
                head.setString(1, chain);
                head.setLong(2, n);
                head.setString(3, prev);
                head.setString(4, chain);
                head.executeUpdate();
            }
        }
    }
}
