package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.TaskKind;
import uk.dsltriage.review.TaskStatus;
import uk.dsltriage.vocabulary.Urgency;

@Schema(name = "Task", description = "A route or required action of a decision, due by its urgency (Europe/London working days), "
        + "or a referral the local authority has still to acknowledge (kind REFERRAL_ACKNOWLEDGEMENT, with referralId)")
public record TaskView(UUID id, UUID incidentId, UUID decisionId, TaskKind kind, String code, String label, Urgency urgency,
        Instant dueAt, TaskStatus status, Instant completedAt, String completedBy, String completionNote, UUID referralId) {
}
