package uk.dsltriage.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.triage.RuleSets;

/** The re-triage at start is off the path to readiness, and still runs to its end. */
@QuarkusTest
class RetriageOnStartTest {

    @Inject
    OpenIncidentRetriage retriage;

    @Inject
    RuleSets ruleSets;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theStartJobRunsOnAThreadOfItsOwnAndFinishesWhileTheServiceServes() throws Exception {
        // The application's own start ran the job in the background: every stretch's run ends claimed and finished.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (finishedRunsInForce() < ruleSets.inForceStretches().size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(ruleSets.inForceStretches().size(), finishedRunsInForce(), "the start job ran every stretch");

        CompletableFuture<Void> job;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                // Every claim inserts into retriage_run: with the table locked, the job cannot get past its first claim.
                s.execute("lock table retriage_run in exclusive mode");
            }
            long before = System.nanoTime();
            job = retriage.startInBackground();
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - before) < 5, "the caller did not wait");
            Thread.sleep(300);
            assertFalse(job.isDone(), "the job is blocked on its claim, not finished on the caller's thread");
            blocker.rollback();
        }
        assertDoesNotThrow(() -> job.get(60, TimeUnit.SECONDS));
        assertEquals(ruleSets.inForceStretches().size(), finishedRunsInForce(), "no run repeated or left unfinished");
    }

    private long finishedRunsInForce() throws Exception {
        long finished = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (RuleSets.InForce stretch : ruleSets.inForceStretches()) {
                try (ResultSet rs = s.executeQuery("select count(*) from retriage_run where finished_at is not null "
                        + "and rule_set_id = '" + stretch.ruleSet().ruleSetId() + "' and rule_set_version = '"
                        + stretch.ruleSet().version() + "' and rule_set_sha256 = '" + stretch.ruleSet().sha256() + "'")) {
                    rs.next();
                    finished += rs.getLong(1);
                }
            }
        }
        return finished;
    }
}
