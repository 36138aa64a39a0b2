package uk.dsltriage.common;

import org.jboss.logging.Logger;
import uk.dsltriage.common.problem.DatabaseUnavailable;

/**
 * How a timer-driven job fails: the next tick tries again, and the log says which job and the exception's class only
 * (never a message, which could quote a row). An unreachable database is an outage the operator sees elsewhere
 * (readiness), not a fault of the job: a warning, not an error.
 */
public final class ScheduledJob {

    private static final Logger LOG = Logger.getLogger(ScheduledJob.class);

    private ScheduledJob() {
    }

    /** Runs one tick of the job named {@code job}, logging a failure as above instead of throwing it. */
    public static void tick(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.in(e)) {
                LOG.warnf("%s waits for the database: %s", job, e.getClass().getName());
            } else {
                LOG.errorf("%s failed: %s", job, e.getClass().getName());
            }
        }
    }
}
