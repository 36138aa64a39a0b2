package uk.dsltriage.incident.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RetriageRequest")
public record RetriageRequest(@NotBlank @Size(max = 64) String ruleSetId, @NotBlank @Size(max = 32) String version) {
}
