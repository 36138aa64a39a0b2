package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uk.dsltriage.incident.IncidentTriaged;
import uk.dsltriage.vocabulary.Urgency;

/**
 * Turns an incident's new recommendation into alerts, inside the incident's transaction (a plain synchronous
 * observer): the outbox row commits with the concern or not at all, and {@code incident} never knows about alerts.
 */
@ApplicationScoped
class IncidentAlerts {

    private final AlertOutbox outbox;

    IncidentAlerts(AlertOutbox outbox) {
        this.outbox = outbox;
    }

    void onTriaged(@Observes IncidentTriaged event) {
        if (becameUrgent(event)) {
            outbox.queue(AlertKind.URGENT_CONCERN, event.schoolUrn(), event.incidentId(), event.recommendationId(),
                    event.urgency(), event.at());
        }
        if (event.newDowngrade()) {
            outbox.queue(AlertKind.DOWNGRADE, event.schoolUrn(), event.incidentId(), event.recommendationId(),
                    event.urgency(), event.at());
        }
    }

    /**
     * IMMEDIATE or EMERGENCY_NOW now, and not already so before: a concern that arrives urgent, or later information
     * that makes it urgent. A re-triage that keeps it urgent is not news to the DSLs already alerted.
     */
    static boolean becameUrgent(IncidentTriaged event) {
        return event.urgency() != null && event.urgency().isAtLeast(Urgency.IMMEDIATE)
                && (event.previousUrgency() == null || !event.previousUrgency().isAtLeast(Urgency.IMMEDIATE));
    }
}
