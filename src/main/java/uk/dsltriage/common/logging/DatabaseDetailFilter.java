package uk.dsltriage.common.logging;

import io.quarkus.logging.LoggingFilter;
import java.sql.SQLException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import uk.dsltriage.common.FailureChain;

/**
 * PostgreSQL's error text quotes keys and row data ("Key (...)=(...) already exists"), and libraries log it with the
 * exception they caught (Narayana when a flush at commit fails, for one). A record whose exception carries an
 * {@link SQLException} (as a cause or suppressed) keeps its own message but loses the exception, replaced by the
 * SQLState. Installed on the console handler ({@code quarkus.log.console.filter}).
 */
@LoggingFilter(name = DatabaseDetailFilter.NAME)
public final class DatabaseDetailFilter implements Filter {

    public static final String NAME = "database-detail";

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        SQLException sql = sqlException(thrown);
        if (sql != null) {
            record.setThrown(null);
            record.setMessage(record.getMessage() + " [" + thrown.getClass().getName()
                    + ": database error detail withheld, sqlState=" + sql.getSQLState() + "]");
        }
        return true;
    }

    private static SQLException sqlException(Throwable thrown) {
        for (Throwable t : FailureChain.of(thrown)) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
