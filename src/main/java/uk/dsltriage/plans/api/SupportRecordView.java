package uk.dsltriage.plans.api;

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
        @Schema(description = "The child's pseudonymous reference") String childRef,
        UUID incidentId,
        int version,
        @Schema(description = "The version this one supersedes") UUID supersedesId,
        @Schema(description = "The version that superseded this one; absent for the current version") UUID supersededById,
        boolean current,
        String recordedBy,
        Instant recordedAt,
        @Schema(description = "For ASSESSMENT") AssessmentContentView assessment,
        @Schema(description = "For SAFETY_PLAN") SafetyPlanContentView safetyPlan,
        @Schema(description = "For the current SAFETY_PLAN: new information about the child since it was recorded; review it and record a new version")
        ReviewFlagView reviewFlag,
        @Schema(description = "When a safety plan is recorded: the task its review date became") ReviewTaskRef reviewTask) {

    @Schema(name = "AssessmentContent")
    public record AssessmentContentView(AssessmentTypology typology, ContinuumPosition continuumPosition,
            List<VulnerabilityFactor> vulnerabilityFactors, List<String> protectiveFactors, String childViews,
            String parentsInvolvement, List<SpecialistSupport> specialistSupport, String formulation) {
    }

    @Schema(name = "SafetyPlanContent")
    public record SafetyPlanContentView(List<SupervisionItemBody> supervision, List<PlanItemBody> monitoring,
            List<PlanItemBody> support, String childViews, LocalDate reviewBy) {
    }

    @Schema(name = "SafetyPlanReviewFlag")
    public record ReviewFlagView(Instant flaggedAt, @Schema(description = "The incident whose new information raised the flag") UUID raisedByIncidentId) {
    }

    @Schema(name = "ReviewTaskRef", description = "A task in GET /api/v1/tasks")
    public record ReviewTaskRef(UUID taskId, Instant dueAt) {
    }
}
