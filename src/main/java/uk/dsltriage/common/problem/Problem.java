package uk.dsltriage.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body. Never carries a rejected value, a narrative or a stack trace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem") URI type,
        String title,
        int status,
        String detail,
        @Schema(description = "Correlation id of this request, also in the X-Correlation-Id header") String instance,
        @Schema(description = "Offending fields (paths only, never values)") List<FieldError> errors,
        @Schema(description = "What the reporter should do instead, for refused image content") List<String> guidance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of(), List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors), guidance);
    }

    public Problem withGuidance(List<String> lines) {
        return new Problem(type, title, status, detail, instance, errors, List.copyOf(lines));
    }
}
