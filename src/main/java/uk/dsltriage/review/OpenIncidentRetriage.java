package uk.dsltriage.review;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentService;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RuleSets;

/**
 * After a new rule-set version is installed, every open incident is triaged again under the version in force, once,
 * even with several replicas: a run is claimed by inserting its row (the primary key lets one replica win; a claim
 * older than the lease may be taken over), and each batch locks its incidents with FOR UPDATE SKIP LOCKED and picks
 * only incidents not yet under the version, so a repeated or concurrent batch re-triages nothing twice. No state is
 * kept in memory between batches. At start it runs in the background ({@link #startInBackground()}), off the
 * path to readiness.
 */
@ApplicationScoped
public class OpenIncidentRetriage {

    private static final Logger LOG = Logger.getLogger(OpenIncidentRetriage.class);
    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(15);

    private final EntityManager em;
    private final IncidentService incidents;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final boolean onStart;
    private final String replica = "replica-" + UUID.randomUUID();

    public OpenIncidentRetriage(EntityManager em, IncidentService incidents, RuleSets ruleSets, Clock clock,
            @ConfigProperty(name = "dsltriage.review.retriage-on-start", defaultValue = "true") boolean onStart) {
        this.em = em;
        this.incidents = incidents;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.onStart = onStart;
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    void onStart(@Observes StartupEvent event) {
        if (onStart) {
            startInBackground();
        }
    }

    /**
     * Starts the job for every stretch on a thread of its own and returns at once. Start-up (and readiness) does not
     * wait for it: the service serves meanwhile, exactly as a replica that lost the claim always has. A run cut short
     * (a stop, a failure) keeps its claim until the lease ends; then the next start takes it over and finishes it.
     */
    CompletableFuture<Void> startInBackground() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread job = new Thread(() -> {
            try {
                runEveryStretch();
                done.complete(null);
            } catch (RuntimeException e) {
                LOG.errorf("re-triage on start failed (%s); the next start takes over its claim after %s",
                        e.getClass().getSimpleName(), LEASE);
                done.completeExceptionally(e);
            }
        }, "retriage-on-start");
        job.setDaemon(true);
        job.start();
        return done;
    }

    private void runEveryStretch() {
        // Each incident keeps the guidance of its own date: a new release re-triages the incidents of its stretch.
        for (RuleSets.InForce stretch : ruleSets.inForceStretches()) {
            int done = run(stretch.ruleSet(), stretch.from(), stretch.until());
            if (done >= 0) {
                LOG.infof("re-triage under %s %s: %d open incidents", stretch.ruleSet().ruleSetId(),
                        stretch.ruleSet().version(), done);
            }
        }
    }

    /** Runs the job for this version unless another replica has claimed it; returns the count, or -1 if not claimed. */
    public int run(RuleSet ruleSet) {
        return run(ruleSet, null, null);
    }

    /** As {@link #run(RuleSet)}, for the open incidents that occurred in [from, until) only (null: unbounded). */
    public int run(RuleSet ruleSet, Instant from, Instant until) {
        if (!claim(ruleSet)) {
            return -1;
        }
        int total = 0;
        int batch;
        do {
            batch = retriageBatch(ruleSet, from == null ? EARLIEST : from, until == null ? LATEST : until);
            total += batch;
        } while (batch == BATCH);
        finish(ruleSet, total);
        return total;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean claim(RuleSet ruleSet) {
        Instant now = Instant.now(clock);
        int inserted = em.createNativeQuery("insert into retriage_run (rule_set_id, rule_set_version, rule_set_sha256, "
                        + "claimed_by, claimed_at) values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, ruleSet.ruleSetId()).setParameter(2, ruleSet.version()).setParameter(3, ruleSet.sha256())
                .setParameter(4, replica).setParameter(5, java.sql.Timestamp.from(now))
                .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        int takenOver = em.createNativeQuery("update retriage_run set claimed_by = ?4, claimed_at = ?5 where rule_set_id = ?1 "
                        + "and rule_set_version = ?2 and rule_set_sha256 = ?3 and finished_at is null and claimed_at < ?6")
                .setParameter(1, ruleSet.ruleSetId()).setParameter(2, ruleSet.version()).setParameter(3, ruleSet.sha256())
                .setParameter(4, replica).setParameter(5, java.sql.Timestamp.from(now))
                .setParameter(6, java.sql.Timestamp.from(now.minus(LEASE)))
                .executeUpdate();
        return takenOver == 1;
    }

    /** One batch in its own transaction: open incidents whose current recommendation is not under this version. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int retriageBatch(RuleSet ruleSet, Instant from, Instant until) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select i.id from incident i "
                        + "left join triage_recommendation r on r.id = i.current_recommendation_id "
                        + "where i.status <> 'CLOSED' and (r.id is null or r.rule_set_id <> ?1 or r.rule_set_version <> ?2 "
                        + "or r.rule_set_sha256 <> ?3) and i.occurred_at >= ?5 and i.occurred_at < ?6 "
                        + "order by i.id limit ?4 for update of i skip locked")
                .setParameter(1, ruleSet.ruleSetId()).setParameter(2, ruleSet.version()).setParameter(3, ruleSet.sha256())
                .setParameter(4, BATCH)
                .setParameter(5, java.sql.Timestamp.from(from)).setParameter(6, java.sql.Timestamp.from(until))
                .getResultList();
        for (UUID id : ids) {
            Incident incident = em.find(Incident.class, id);
            AccessScope system = new AccessScope("dsl-triage", "system:retriage", incident.schoolUrn, null, Set.of());
            incidents.retriageBySystem(incident, ruleSet, system);
        }
        return ids.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(RuleSet ruleSet, int total) {
        em.createNativeQuery("update retriage_run set finished_at = ?4, incidents_retriaged = ?5 where rule_set_id = ?1 "
                        + "and rule_set_version = ?2 and rule_set_sha256 = ?3")
                .setParameter(1, ruleSet.ruleSetId()).setParameter(2, ruleSet.version()).setParameter(3, ruleSet.sha256())
                .setParameter(4, java.sql.Timestamp.from(Instant.now(clock))).setParameter(5, total)
                .executeUpdate();
    }
}
