package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.TaskKind;
import uk.dsltriage.review.TaskStatus;
import uk.dsltriage.vocabulary.Urgency;

@Schema(name = "Task", description = "A route or required action of a decision, due by its urgency (Europe/London working days), "
        + "a referral the local authority has still to acknowledge (kind REFERRAL_ACKNOWLEDGEMENT, with referralId), "
        + "or a safety plan's review date (kind SAFETY_PLAN_REVIEW, with subjectId)")
public record TaskView(UUID id, UUID incidentId,
        @Schema(description = "The decision the task follows; absent for a safety plan's review") UUID decisionId,
        @Schema(description = "For SAFETY_PLAN_REVIEW: the safety plan version whose review date this is") UUID subjectId,
        TaskKind kind, @Schema(maxLength = WireLimits.CODE) String code, @Schema(maxLength = WireLimits.LABEL) String label, Urgency urgency,
        Instant dueAt, TaskStatus status, Instant completedAt, @Schema(maxLength = WireLimits.ACTOR) String completedBy,
        @Schema(maxLength = WireLimits.SHORT_TEXT) String completionNote,
        @Schema(description = "For REFERRAL_ACKNOWLEDGEMENT: the referral awaiting acknowledgement") UUID referralId) {
}
