package uk.dsltriage.review.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskCompletionRequest")
public record TaskCompletionRequest(
        @NotBlank @Size(max = 5_000) @Pattern(regexp = DecisionRequest.NO_NUL, message = DecisionRequest.NO_NUL_MESSAGE) @Schema(maxLength = 5_000, description = "What was done, factually") String note) {
}
