package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.vocabulary.Urgency;

/**
 * Queues alerts. The row is written in the caller's transaction, so it commits or rolls back with the event it is
 * about; the unique key (kind, incident, reference) makes a second queueing of the same alert, by this replica or
 * another, a no-op rather than an error that would abort the caller's transaction.
 */
@ApplicationScoped
public class AlertOutbox {

    private final EntityManager em;
    private final AlertsConfig config;

    AlertOutbox(EntityManager em, AlertsConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Queues the alert unless it already is; returns whether this call queued it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean queue(AlertKind kind, String schoolUrn, UUID incidentId, UUID referenceId, Urgency urgency, Instant at) {
        if (!config.enabled()) {
            return false;
        }
        return em.createNativeQuery("insert into alert_outbox (id, kind, school_urn, incident_id, reference_id, urgency, "
                + "created_at, next_attempt_at) values (:id, :kind, :school, :incident, :reference, :urgency, :at, :at) "
                + "on conflict on constraint alert_outbox_once do nothing")
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", kind.name())
                .setParameter("school", schoolUrn)
                .setParameter("incident", incidentId)
                .setParameter("reference", referenceId)
                .setParameter("urgency", urgency.name())
                .setParameter("at", at)
                .executeUpdate() == 1;
    }

    /**
     * Queues an alert for every open task past due that has none yet, in one statement: two replicas scanning at once
     * queue each alert once. Tasks overdue for longer than {@code lookback} are left alone, so that switching alerts
     * on over an old database does not mail every DSL about last year's tasks.
     */
    @Transactional
    public int queueOverdueTasks(Instant now, java.time.Duration lookback) {
        if (!config.enabled()) {
            return 0;
        }
        return em.createNativeQuery("insert into alert_outbox (id, kind, school_urn, incident_id, reference_id, urgency, "
                + "created_at, next_attempt_at) "
                + "select gen_random_uuid(), 'TASK_OVERDUE', t.school_urn, t.incident_id, t.id, t.urgency, :now, :now "
                + "from review_task t where t.completed_at is null and t.due_at < :now and t.due_at >= :since "
                + "and not exists (select 1 from alert_outbox a where a.kind = 'TASK_OVERDUE' "
                + "and a.incident_id = t.incident_id and a.reference_id = t.id) "
                + "on conflict on constraint alert_outbox_once do nothing")
                .setParameter("now", now)
                .setParameter("since", now.minus(lookback))
                .executeUpdate();
    }
}
