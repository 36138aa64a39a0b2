package uk.dsltriage.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.ScheduledJob;
import uk.dsltriage.referral.identity.MasterKeys;
import uk.dsltriage.referral.identity.SchoolDataKeys;
import uk.dsltriage.security.AccessScope;

/**
 * Re-wraps the schools' data keys after the master key set changes, without an operator and without downtime. A
 * change of master keys is a change of configuration, so replicas restart one by one and, until the last old one
 * stops, old replicas still wrap new schools' keys with the old master key. So every replica checks on a timer
 * (first soon after it starts); when some key is not under the newest master key, one replica claims the run in the
 * database (row {@code identity_rewrap_run}, as {@code retriage_run}): no state in memory is shared between
 * replicas. Each key is re-wrapped under a version check, so even an operator's re-wrap running at the same time
 * (the endpoint) wraps no key twice.
 */
@ApplicationScoped
public class ScheduledRewrap {

    private static final Logger LOG = Logger.getLogger(ScheduledRewrap.class);
    static final Duration LEASE = Duration.ofMinutes(15);
    private static final AccessScope SYSTEM = new AccessScope("dsl-triage", "system:identity-rewrap", null, null, Set.of());

    private final EntityManager em;
    private final SchoolDataKeys keys;
    private final MasterKeys masterKeys;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean enabled;
    private final String replica = "replica-" + UUID.randomUUID();

    public ScheduledRewrap(EntityManager em, SchoolDataKeys keys, MasterKeys masterKeys, AuditLog audit, Clock clock,
            @ConfigProperty(name = "dsltriage.identity.rewrap-scheduled", defaultValue = "true") boolean enabled) {
        this.em = em;
        this.keys = keys;
        this.masterKeys = masterKeys;
        this.audit = audit;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(identity = "identity-key-rewrap", every = "${dsltriage.identity.rewrap-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled) {
            ScheduledJob.tick("Identity key re-wrap", this::run);
        }
    }

    /** The outcome of one attempt: claimed by this replica (with the count re-wrapped), or not. */
    public record Outcome(boolean claimed, int rewrapped) {
    }

    /** Re-wraps what is not under the newest master key, if there is any and this replica wins the claim. */
    public Outcome run() {
        String current = masterKeys.currentId();
        if (keys.notUnder(current) == 0 || !claim(current)) {
            return new Outcome(false, 0);
        }
        SchoolDataKeys.RotationResult result = keys.rewrapAll();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update identity_rewrap_run set finished_at = :now, rewrapped = rewrapped + :n "
                    + "where master_key_id = :id and claimed_by = :me")
                    .setParameter("now", Instant.now(clock)).setParameter("n", result.rewrapped())
                    .setParameter("id", current).setParameter("me", replica).executeUpdate();
            audit.record(SYSTEM, AuditAction.IDENTITY_KEYS_REWRAPPED, ObjectKind.MASTER_KEY, current);
        });
        LOG.infof("identity data keys re-wrapped under master key %s: %d (remaining %d)", current, result.rewrapped(),
                result.remaining());
        return new Outcome(true, result.rewrapped());
    }

    /**
     * One replica wins: the insert, or the update of a finished or expired run. A concurrent update waits for the row
     * and then re-checks its condition against the winner's version of it, so it changes nothing.
     */
    boolean claim(String masterKeyId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            int inserted = em.createNativeQuery("insert into identity_rewrap_run (master_key_id, claimed_by, claimed_at) "
                    + "values (:id, :me, :now) on conflict do nothing")
                    .setParameter("id", masterKeyId).setParameter("me", replica).setParameter("now", now).executeUpdate();
            if (inserted == 1) {
                return true;
            }
            return em.createNativeQuery("update identity_rewrap_run set claimed_by = :me, claimed_at = :now, finished_at = null "
                    + "where master_key_id = :id and (finished_at is not null or claimed_at < :expired)")
                    .setParameter("id", masterKeyId).setParameter("me", replica).setParameter("now", now)
                    .setParameter("expired", now.minus(LEASE)).executeUpdate() == 1;
        });
    }
}
