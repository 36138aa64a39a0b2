package uk.dsltriage.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** HostileRequestMetadataTest proves the filter against a real duplicate key; this covers where the SQL error hides. */
class DatabaseDetailFilterTest {

    private final DatabaseDetailFilter filter = new DatabaseDetailFilter();

    @Test
    void anSqlErrorSuppressedByAFailedCommitLosesItsDetail() {
        RuntimeException rollback = new RuntimeException("Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("commit failed",
                new SQLException("Key (idempotency_key)=(canary) already exists", "23505")));
        LogRecord record = new LogRecord(Level.WARNING, "commit failed");
        record.setThrown(rollback);

        assertTrue(filter.isLoggable(record));
        assertNull(record.getThrown());
        assertFalse(record.getMessage().contains("canary"));
        assertTrue(record.getMessage().endsWith("sqlState=23505]"), record.getMessage());
    }

    @Test
    void aFailureWithNoSqlErrorIsLoggedAsItIs() {
        RuntimeException bug = new IllegalStateException("bug");
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(bug);

        assertTrue(filter.isLoggable(record));
        assertSame(bug, record.getThrown());
        assertEquals("failed", record.getMessage());
    }
}
