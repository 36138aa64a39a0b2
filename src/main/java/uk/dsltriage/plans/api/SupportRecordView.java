package uk.dsltriage.plans.api;

import jakarta.validation.constraints.Size;
import uk.dsltriage.common.WireLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.plans.SupportRecordKind;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

@Schema(name = "SupportRecord", description = "One version of a child's assessment or safety plan. Never edited: a newer version supersedes it.")
public record SupportRecordView(
        UUID id,
        SupportRecordKind kind,
        @Schema(description = "The child's pseudonymous reference", maxLength = 12) String childRef,
        UUID incidentId,
        @Schema(minimum = "1", maximum = "2147483647") int version,
        @Schema(description = "The version this one supersedes") UUID supersedesId,
        @Schema(description = "The version that superseded this one; absent for the current version") UUID supersededById,
        boolean current,
        @Schema(maxLength = WireLimits.ACTOR) String recordedBy,
        Instant recordedAt,
        @Schema(description = "For ASSESSMENT") AssessmentContentView assessment,
        @Schema(description = "For SAFETY_PLAN") SafetyPlanContentView safetyPlan,
        @Schema(description = "For the current SAFETY_PLAN: new information about the child since it was recorded; review it and record a new version")
        ReviewFlagView reviewFlag,
        @Schema(description = "When a safety plan is recorded: the task its review date became") ReviewTaskRef reviewTask) {

    @Schema(name = "AssessmentContent")
    public record AssessmentContentView(AssessmentTypology typology, ContinuumPosition continuumPosition,
            @Schema(maxItems = 6) List<VulnerabilityFactor> vulnerabilityFactors,
            @Schema(maxItems = 20) List<@Size(max = 500) String> protectiveFactors,
            @Schema(maxLength = 5_000) String childViews, @Schema(maxLength = 5_000) String parentsInvolvement,
            @Schema(maxItems = 6) List<SpecialistSupport> specialistSupport, @Schema(maxLength = 10_000) String formulation) {
    }

    @Schema(name = "SafetyPlanContent")
    public record SafetyPlanContentView(@Schema(maxItems = 30) List<SupervisionItemBody> supervision,
            @Schema(maxItems = 30) List<PlanItemBody> monitoring, @Schema(maxItems = 30) List<PlanItemBody> support,
            @Schema(maxLength = 5_000) String childViews, LocalDate reviewBy) {
    }

    @Schema(name = "SafetyPlanReviewFlag")
    public record ReviewFlagView(Instant flaggedAt, @Schema(description = "The incident whose new information raised the flag") UUID raisedByIncidentId) {
    }

    @Schema(name = "ReviewTaskRef", description = "A task in GET /api/v1/tasks")
    public record ReviewTaskRef(UUID taskId, Instant dueAt) {
    }
}
