package uk.dsltriage.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures answer 503 (database unreachable) rather than 500; FaultsIT proves it against a stopped PostgreSQL. */
class DatabaseUnavailableTest {

    @Test
    void connectionStatesAndShutdownsAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03"}) {
            assertTrue(DatabaseUnavailable.in(wrapped(new SQLException("x", state))), state);
        }
    }

    @Test
    void thePoolsAcquisitionTimeoutIsUnavailable() {
        assertTrue(DatabaseUnavailable.in(wrapped(new SQLException("Acquisition timeout", new TimeoutException()))));
    }

    @Test
    void aLostConnectionSuppressedByTheRollbackAtCommitIsUnavailable() {
        RuntimeException rollback = new RuntimeException("Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("commit failed", new SQLException("terminating", "57P01")));
        assertTrue(DatabaseUnavailable.in(new RuntimeException(rollback)));

        RuntimeException uniqueAtCommit = new RuntimeException("Could not commit transaction.");
        uniqueAtCommit.addSuppressed(new SQLException("unique", "23505"));
        assertFalse(DatabaseUnavailable.in(uniqueAtCommit));
    }

    @Test
    void aConnectionLostDuringTheCommitLeavesTheOutcomeUnknown() {
        assertTrue(DatabaseUnavailable.atCommit(lostDuringTheCommit()));
        assertFalse(DatabaseUnavailable.atCommit(wrapped(new SQLException("x", "08006"))), "lost before the commit");
        XAException notAnOutage = new XAException(XAException.XAER_RMERR);
        notAnOutage.initCause(new SQLException("serialization", "40001"));
        assertFalse(DatabaseUnavailable.atCommit(notAnOutage), "a commit refused by a reachable database");
    }

    @Test
    void eachAnswersA503ProblemWithRetryAfterSayingWhatIsKnown() {
        Response unknown = new ProblemMappers().internal(lostDuringTheCommit(), null);
        assertEquals(503, unknown.getStatus());
        assertEquals(ProblemType.COMMIT_OUTCOME_UNKNOWN.uri(), ((Problem) unknown.getEntity()).type());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, unknown.getHeaderString("Retry-After"));

        Response unavailable = new ProblemMappers().internal(wrapped(new SQLException("x", "08001")), null);
        assertEquals(503, unavailable.getStatus());
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.uri(), ((Problem) unavailable.getEntity()).type());
        assertEquals(DatabaseUnavailable.RETRY_AFTER_SECONDS, unavailable.getHeaderString("Retry-After"));
    }

    @Test
    void faultsOfTheServiceOrTheQueryAreNot() {
        assertFalse(DatabaseUnavailable.in(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.in(wrapped(new SQLException("unique", "23505"))));
        assertFalse(DatabaseUnavailable.in(wrapped(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseUnavailable.in(wrapped(new SQLException("no state"))));
        assertFalse(DatabaseUnavailable.in(new RuntimeException(new TimeoutException())), "a timeout not from the pool");
        assertFalse(DatabaseUnavailable.in(wrapped(new SQLException("cancelled", "57014"))), "statement timeout is not an outage");
    }

    /** As the transaction manager reports a resource's commit that lost its connection: suppressed by the rollback. */
    private static RuntimeException lostDuringTheCommit() {
        RuntimeException rollback = new RuntimeException("Could not commit transaction.");
        XAException commit = new XAException(XAException.XA_RBROLLBACK);
        commit.initCause(new SQLException("terminating", "57P01"));
        rollback.addSuppressed(commit);
        return rollback;
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("transaction failed", new IllegalStateException(e));
    }
}
