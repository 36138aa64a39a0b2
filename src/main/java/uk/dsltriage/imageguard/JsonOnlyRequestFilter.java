package uk.dsltriage.imageguard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;

/**
 * The first gate for every request to every endpoint, present or future: a body must be {@code application/json}
 * (files, images, video, forms and archives are refused with 415) and no larger than the configured limit (413).
 * Runs before routing, so no resource can forget it.
 */
public class JsonOnlyRequestFilter {

    static final String MAX_BODY_BYTES = "dsltriage.guard.max-body-bytes";
    static final String MAX_BODY_BYTES_DEFAULT = "65536";

    private final long maxBodyBytes;

    public JsonOnlyRequestFilter(@ConfigProperty(name = MAX_BODY_BYTES, defaultValue = MAX_BODY_BYTES_DEFAULT) long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void check(ContainerRequestContext request) {
        if (!hasBody(request)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type)) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send application/json. Images, video, files, forms and archives are never accepted: record what you know as text and structured fields.");
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to " + limit + " bytes.");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getLength() > 0) {
            return true;
        }
        String transferEncoding = request.getHeaderString("Transfer-Encoding");
        return transferEncoding != null && !transferEncoding.isBlank()
                || request.getLength() < 0 && request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null;
    }

    private static boolean isJson(MediaType type) {
        if (!"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype())) {
            return false;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return type.getParameters().keySet().stream().allMatch(MediaType.CHARSET_PARAMETER::equalsIgnoreCase)
                && (charset == null || "utf-8".equalsIgnoreCase(charset));
    }
}
