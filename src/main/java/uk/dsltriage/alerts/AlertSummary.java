package uk.dsltriage.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.vocabulary.Urgency;

/** An alert as the school's DSLs see it: what, how urgent, when, to whom, and whether it went. */
public record AlertSummary(UUID id, AlertKind kind, Urgency urgency, UUID incidentId, UUID referenceId, Instant createdAt,
        AlertStatus status, int attempts, Instant sentAt, int recipientCount, List<String> recipients) {

    public AlertSummary {
        recipients = List.copyOf(recipients);
    }

    static AlertSummary of(Alert alert) {
        return new AlertSummary(alert.id, alert.kind, alert.urgency, alert.incidentId, alert.referenceId, alert.createdAt,
                alert.status, alert.attempts, alert.sentAt, alert.recipientCount, alert.recipientList());
    }
}
