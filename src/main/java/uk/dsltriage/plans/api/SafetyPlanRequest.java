package uk.dsltriage.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.plans.SafetyPlan;

@Schema(name = "SafetyPlanRequest", description = "A child's safety plan: supervision, early warning signs to monitor and support, each with who is responsible, and a review date that becomes a task. A new version supersedes the previous one for the same child and incident. No identity fields and no images; unknown fields are refused.")
public record SafetyPlanRequest(
        @NotNull @Schema(description = "The incident the plan follows; the child must be one of its participants") UUID incidentId,
        @NotNull @Size(max = 30) @Schema(maxItems = 30) List<@NotNull @Valid SupervisionItemBody> supervision,
        @NotNull @Size(max = 30) @Schema(maxItems = 30, description = "Early warning signs to watch for")
        List<@NotNull @Valid PlanItemBody> monitoring,
        @NotNull @Size(max = 30) @Schema(maxItems = 30) List<@NotNull @Valid PlanItemBody> support,
        @Size(max = 5_000) @Schema(maxLength = 5_000, description = "The child's views of the plan, where it was safe to involve them")
        String childViews,
        @NotNull @Schema(description = "Review by this date (Europe/London): today or later, within a year; it becomes a SAFETY_PLAN_REVIEW task due at 17:00 that day")
        LocalDate reviewBy) {

    public SafetyPlan toSafetyPlan() {
        return new SafetyPlan(
                supervision.stream().map(s -> new SafetyPlan.SupervisionItem(s.type(), s.description(), s.responsible())).toList(),
                monitoring.stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                support.stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                childViews, reviewBy);
    }
}
