package uk.dsltriage.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.dsltriage.common.ScheduledJob;
import uk.dsltriage.referral.identity.ChildIdentityVault;

/**
 * Seals, on every replica, the child identities still stored as four values as one value (V16), a batch per
 * transaction, in key order, until none is left. Rows another replica is sealing are skipped and a concurrent store wins
 * ({@link ChildIdentityVault#upgradeLayout}), so replicas need no claim; with nothing left, a run is one indexed query.
 */
@ApplicationScoped
public class ScheduledIdentityUpgrade {

    private static final Logger LOG = Logger.getLogger(ScheduledIdentityUpgrade.class);
    static final int BATCH = 200;

    private final ChildIdentityVault identities;
    private final boolean enabled;

    public ScheduledIdentityUpgrade(ChildIdentityVault identities,
            @ConfigProperty(name = "dsltriage.identity.layout-upgrade-scheduled", defaultValue = "true") boolean enabled) {
        this.identities = identities;
        this.enabled = enabled;
    }

    @Scheduled(identity = "identity-layout-upgrade", every = "${dsltriage.identity.layout-upgrade-every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!enabled) {
            return;
        }
        ScheduledJob.tick("Child identity layout upgrade", this::run);
    }

    /** Seals what is left, in key order, and returns how many rows this replica sealed. */
    public int run() {
        ChildIdentityVault.Upgrade at = ChildIdentityVault.Upgrade.start();
        int sealed = 0;
        int unreadable = 0;
        do {
            ChildIdentityVault.Upgrade from = at;
            at = QuarkusTransaction.requiringNew().call(() -> identities.upgradeLayout(from, BATCH));
            sealed += at.sealed();
            unreadable += at.unreadable();
        } while (at.examined() > 0);
        if (sealed > 0 || unreadable > 0) {
            LOG.infof("child identities sealed as one value: %d; left in four values, not readable: %d", sealed, unreadable);
        }
        return sealed;
    }
}
