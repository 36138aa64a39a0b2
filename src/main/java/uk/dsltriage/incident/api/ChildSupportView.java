package uk.dsltriage.incident.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.SupportNeeds;

@Schema(name = "ChildSupport", description = "A child the current recommendation asks the school to assess and support (RISK_AND_NEEDS_ASSESSMENT, SUPPORT_VICTIM, SUPPORT_ALLEGED_PERPETRATOR), and whether their assessment and safety plan exist")
public record ChildSupportView(
        @Schema(description = "The child's pseudonymous reference", maxLength = 12) String ref,
        @Schema(description = "HARMED (the victim) or DISPLAYED_BEHAVIOUR (the child who displayed the behaviour)") SupportNeeds.Concern concern,
        @Schema(description = "The route and actions of the recommendation that ask for it", maxItems = 3) List<@Size(max = 64) String> requiredBy,
        UUID assessmentId,
        @Schema(minimum = "1", maximum = "2147483647") Integer assessmentVersion,
        Instant assessedAt,
        UUID safetyPlanId,
        @Schema(minimum = "1", maximum = "2147483647") Integer safetyPlanVersion,
        LocalDate safetyPlanReviewBy,
        @Schema(description = "true when a newer incident or addendum about the child has overtaken the plan") boolean safetyPlanFlaggedForReview,
        @Schema(description = "What is still to be recorded: ASSESSMENT, SAFETY_PLAN", maxItems = 2) List<@Size(max = 16) String> missing) {
}
