package uk.dsltriage.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.plans.SafetyPlan;

@Schema(name = "SupervisionItem", description = "A restriction (e.g. separate classes) or an enhancement (e.g. a trusted adult at break times)")
public record SupervisionItemBody(
        @NotNull SafetyPlan.SupervisionType type,
        @NotBlank @Size(max = 1_000) @Schema(maxLength = 1_000) String description,
        @NotBlank @Size(max = 200) @Schema(maxLength = 200, description = "A role, e.g. Head of Year 10") String responsible) {
}
