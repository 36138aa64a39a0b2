package uk.dsltriage.alerts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.alerts.AlertSummary;
import uk.dsltriage.alerts.AlertKind;
import uk.dsltriage.alerts.AlertStatus;
import uk.dsltriage.common.WireLimits;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.Urgency;

@Schema(name = "Alert", description = "An email that asked the school's DSLs to open the console: no content, only the kind, "
        + "the urgency, the time and a link. Sent once, however many replicas saw the event.")
public record AlertView(UUID id, AlertKind kind, @Schema(maxLength = WireLimits.LABEL) String kindLabel, Urgency urgency,
        @Schema(maxLength = WireLimits.LABEL) String urgencyLabel,
        @Schema(description = "The incident the alert is about") UUID incidentId,
        @Schema(description = "The recommendation (URGENT_CONCERN, DOWNGRADE) or the task (TASK_OVERDUE) the alert is about") UUID referenceId,
        Instant createdAt, AlertStatus status,
        @Schema(minimum = "0", maximum = "1000", description = "Attempts to send so far") int attempts,
        Instant sentAt,
        @Schema(minimum = "0", maximum = "1000", description = "How many of the school's DSLs the email went to") int recipientCount,
        @Schema(maxItems = 1000, description = "The addresses of the school's own DSLs it went to (learnt from their sign-ins)")
        List<@Size(max = 254) String> recipients) {

    /** {@code words}: those of the rule set of the recommendation the alert is about (its urgency's words). */
    public static AlertView of(AlertSummary alert, RuleSetWords words) {
        return new AlertView(alert.id(), alert.kind(), Labels.of(alert.kind()), alert.urgency(), CodeLabel.of(alert.urgency(), words).label(),
                alert.incidentId(), alert.referenceId(), alert.createdAt(), alert.status(), alert.attempts(), alert.sentAt(),
                alert.recipientCount(), alert.recipients());
    }
}
