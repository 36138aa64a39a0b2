package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.TaskKind;
import uk.dsltriage.review.TaskStatus;
import uk.dsltriage.vocabulary.Urgency;

@Schema(name = "Task", description = "A route or required action of a decision, due by its urgency (Europe/London working days)")
public record TaskView(UUID id, UUID incidentId, UUID decisionId, TaskKind kind, @Schema(maxLength = WireLimits.CODE) String code, @Schema(maxLength = WireLimits.LABEL) String label, Urgency urgency,
        Instant dueAt, TaskStatus status, Instant completedAt, @Schema(maxLength = WireLimits.ACTOR) String completedBy, @Schema(maxLength = WireLimits.SHORT_TEXT) String completionNote) {
}
