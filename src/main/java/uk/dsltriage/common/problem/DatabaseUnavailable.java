package uk.dsltriage.common.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAException;
import uk.dsltriage.common.FailureChain;

/**
 * Whether a failure means the database could not be reached (stopped, restarting, connection lost or no connection
 * within the pool's acquisition timeout), as opposed to a fault in the service. Such a request changed nothing: its
 * transaction could not commit, unless the connection was lost during the commit itself ({@link #atCommit}). Judged by
 * SQLState and exception type only, never by message text.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying; a restart of PostgreSQL usually takes a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    /**
     * True when the failure, or anything it carries (its causes, what it suppressed), says the database could not be
     * reached.
     */
    public static boolean in(Throwable failure) {
        for (Throwable t : FailureChain.of(failure)) {
            if (t instanceof SQLTransientConnectionException || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // The pool's acquisition timeout is a plain SQLException caused by a TimeoutException.
            if (t instanceof SQLException sql && (unavailable(sql.getSQLState()) || sql.getCause() instanceof TimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database was lost during the commit itself (the transaction manager reports the resource's failed
     * commit, an {@link XAException}): PostgreSQL may have committed before the connection went, so whether the change
     * was recorded is unknown to the service. A retry with the same Idempotency-Key finds out, and records a write once.
     */
    public static boolean atCommit(Throwable failure) {
        return in(failure) && FailureChain.of(failure).stream().anyMatch(XAException.class::isInstance);
    }

    /**
     * Class 08 is a connection exception; 57P01-57P03 are an administrator's shutdown, a crash shutdown and "cannot
     * connect now" (starting up or shutting down).
     */
    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
