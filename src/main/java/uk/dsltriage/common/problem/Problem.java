package uk.dsltriage.common.problem;

import jakarta.validation.constraints.Size;
import uk.dsltriage.common.WireLimits;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body. Never carries a rejected value, a narrative or a stack trace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(maxLength = 200, format = "uri", description = "Stable identifier of the kind of problem") URI type,
        @Schema(maxLength = WireLimits.LABEL) String title,
        @Schema(minimum = "400", maximum = "599") int status,
        @Schema(maxLength = WireLimits.EXPLANATION) String detail,
        @Schema(maxLength = WireLimits.CORRELATION_ID, description = "Correlation id of this request, also in the X-Correlation-Id header") String instance,
        @Schema(maxItems = 1000, description = "Offending fields (paths only, never values)") List<FieldError> errors,
        @Schema(maxItems = 20, description = "What the reporter should do instead, for refused image content") List<@Size(max = WireLimits.EXPLANATION) String> guidance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(maxLength = 300) String field, @Schema(maxLength = WireLimits.EXPLANATION) String message) {
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
