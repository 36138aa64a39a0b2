package uk.dsltriage.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanItem", description = "One item of a safety plan and who is responsible for it")
public record PlanItemBody(
        @NotBlank @Size(max = 1_000) @Schema(maxLength = 1_000) String description,
        @NotBlank @Size(max = 200) @Schema(maxLength = 200, description = "A role, e.g. Head of Year 10") String responsible) {
}
