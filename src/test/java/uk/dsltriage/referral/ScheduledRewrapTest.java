package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.referral.identity.MasterKeys;
import uk.dsltriage.referral.identity.SchoolDataKeys;

/**
 * The scheduled re-wrap after the master key set changes: rows written under the old master key still decrypt after
 * it, one of two replicas claims a run (the database decides), and two runs at once, or a run and the operator's
 * endpoint, wrap no data key twice.
 */
@QuarkusTest
class ScheduledRewrapTest {

    private static final String OLD_MASTER = "test-k1";
    private static final String NEW_MASTER = "test-k2";
    private static final List<String> SCHOOLS = List.of("100081", "100082", "100083");

    @Inject
    ScheduledRewrap job;

    @Inject
    SchoolDataKeys keys;

    @Inject
    ChildIdentityVault vault;

    @Inject
    MasterKeys masterKeys;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Test
    void twoReplicasRunningAtOnceWrapEachKeyOnceAndOldRowsStillDecrypt() throws Exception {
        long[] versionsBefore = underOldMaster("Before");
        int total = 0;
        for (ScheduledRewrap.Outcome outcome : concurrently(job::run, otherReplica()::run)) {
            total += outcome.rewrapped();
        }
        assertEquals(SCHOOLS.size(), total, "each key re-wrapped by exactly one replica");
        assertRewrappedOnce(versionsBefore, "Before");

        // With nothing left under an old key, nobody claims.
        assertFalse(job.run().claimed());
        assertEquals(0, keys.notUnder(NEW_MASTER));
    }

    @Test
    void theDatabaseLetsOneOfTwoReplicasClaimARunAndAFinishedRunBeClaimedAgain() throws Exception {
        String run = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        ScheduledRewrap other = otherReplica();
        List<Boolean> claimed = concurrently(() -> job.claim(run), () -> other.claim(run));
        assertEquals(1, claimed.stream().filter(b -> b).count(), "exactly one replica claims: " + claimed);
        assertFalse(job.claim(run) || other.claim(run), "a running claim within its lease is not taken over");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update identity_rewrap_run set finished_at = now() where master_key_id = ?")) {
            s.setString(1, run);
            assertEquals(1, s.executeUpdate());
        }
        claimed = concurrently(() -> job.claim(run), () -> other.claim(run));
        assertEquals(1, claimed.stream().filter(b -> b).count(), "a finished run is claimed again, once: " + claimed);
    }

    /** The same job as another replica runs it: nothing shared with this one but the database. */
    private ScheduledRewrap otherReplica() {
        return new ScheduledRewrap(em, keys, masterKeys, audit, clock, true);
    }

    @Test
    void theScheduledRunAndTheOperatorsEndpointAtOnceWrapEachKeyOnce() throws Exception {
        long[] versionsBefore = underOldMaster("Again");
        int total = 0;
        for (Object outcome : concurrently(() -> job.run().rewrapped(), () -> keys.rewrapAll().rewrapped())) {
            total += (Integer) outcome;
        }
        assertEquals(SCHOOLS.size(), total, "each key re-wrapped by exactly one of the two");
        assertRewrappedOnce(versionsBefore, "Again");
    }

    /** Stores a child per school and puts each school's data key back under the old master key (as before rotation). */
    private long[] underOldMaster(String givenName) throws Exception {
        long[] versions = new long[SCHOOLS.size()];
        for (int i = 0; i < SCHOOLS.size(); i++) {
            String school = SCHOOLS.get(i);
            QuarkusTransaction.requiringNew().run(() -> vault.store(school, "R-" + givenName, identity(givenName)));
            try (Connection c = dataSource.getConnection()) {
                byte[] wrapped;
                try (PreparedStatement s = c.prepareStatement("select wrapped_keyset, master_key_id from school_data_key where school_urn = ?")) {
                    s.setString(1, school);
                    ResultSet rs = s.executeQuery();
                    assertTrue(rs.next());
                    wrapped = rs.getBytes(1);
                    assertEquals(NEW_MASTER, rs.getString(2));
                }
                KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, masterKeys.byId(NEW_MASTER), context(school));
                byte[] byOld = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, masterKeys.byId(OLD_MASTER), context(school));
                try (PreparedStatement s = c.prepareStatement("update school_data_key set wrapped_keyset = ?, master_key_id = ?, "
                        + "version = version + 1 where school_urn = ? returning version")) {
                    s.setBytes(1, byOld);
                    s.setString(2, OLD_MASTER);
                    s.setString(3, school);
                    ResultSet rs = s.executeQuery();
                    assertTrue(rs.next());
                    versions[i] = rs.getLong(1);
                }
            }
        }
        return versions;
    }

    private void assertRewrappedOnce(long[] versionsBefore, String givenName) throws SQLException {
        for (int i = 0; i < SCHOOLS.size(); i++) {
            String school = SCHOOLS.get(i);
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select master_key_id, version from school_data_key where school_urn = ?")) {
                s.setString(1, school);
                ResultSet rs = s.executeQuery();
                assertTrue(rs.next());
                assertEquals(NEW_MASTER, rs.getString(1));
                assertEquals(versionsBefore[i] + 1, rs.getLong(2), "re-wrapped exactly once: " + school);
            }
            assertEquals(givenName, QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-" + givenName))
                    .orElseThrow().givenName(), "a row written before the rotation decrypts after it");
        }
    }

    @SafeVarargs
    private static <T> List<T> concurrently(Callable<? extends T>... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<? extends T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<? extends T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChildIdentity identity(String given) {
        return new ChildIdentity(given, "Rewrap", LocalDate.of(2013, 5, 6),
                new ChildIdentity.Details(List.of(), null, null, null, null, null, null, List.of()));
    }

    /** The wrapping context SchoolDataKeys uses, restated (as IdentityEncryptionTest does). */
    private static byte[] context(String school) {
        return ("dsl-triage/school-data-key/v1|" + school).getBytes(StandardCharsets.UTF_8);
    }
}
