package uk.dsltriage.imageguard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;

/**
 * The first gate for every request to every endpoint, present or future: a body must be UTF-8
 * {@code application/json} (files, images, video, forms, archives, other charsets and malformed media types are
 * refused with 415) and no larger than the configured limit (413). Runs before routing and before authentication,
 * so a bad media type answers 415 to anonymous and authenticated callers alike, and no resource can forget it.
 * Nothing of the header is echoed or logged.
 */
public class JsonOnlyRequestFilter {

    static final String NOT_JSON = "Send application/json encoded as UTF-8. Images, video, files, forms and archives"
            + " are never accepted: record what you know as text and structured fields.";
    static final String NOT_UTF8 = "The contract is UTF-8 JSON: send application/json (optionally charset=utf-8),"
            + " UTF-8 encoded, without a byte-order mark. Other charsets, UTF-16 and UTF-32 are refused.";

    private final GuardConfig config;

    public JsonOnlyRequestFilter(GuardConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void check(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        JsonMediaType.Verdict verdict = contentType == null ? null : JsonMediaType.judge(contentType);
        if (!hasBody(request, contentType)) {
            // Without a body the media type is moot, unless it is malformed: the framework would fail on it later.
            if (verdict != null && verdict != JsonMediaType.Verdict.JSON && isMalformed(contentType)) {
                throw unsupported(verdict);
            }
            if (contentType != null && !request.getUriInfo().getPath().startsWith(config.formPathPrefix())) {
                // Moot here, and harmful later: an empty POST labelled as a form (curl -d '', HTTP clients' default)
                // would meet the console's CSRF check, which is for browser forms, and get a bare 400.
                request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
            return;
        }
        if (verdict != JsonMediaType.Verdict.JSON && !isConsoleForm(request, contentType)) {
            throw unsupported(verdict);
        }
        if (request.getLength() > config.maxBodyBytes()) {
            throw tooLarge(config.maxBodyBytes());
        }
    }

    /** A browser form to the console: its fields are scanned after routing by {@link FormContentGuard}. */
    private boolean isConsoleForm(ContainerRequestContext request, String contentType) {
        return JsonMediaType.isUrlEncodedForm(contentType)
                && request.getUriInfo().getPath().startsWith(config.formPathPrefix());
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to " + limit + " bytes.");
    }

    static ProblemException notUtf8() {
        return new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, NOT_UTF8);
    }

    private static ProblemException unsupported(JsonMediaType.Verdict verdict) {
        return verdict == JsonMediaType.Verdict.NOT_UTF8_JSON ? notUtf8()
                : new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, NOT_JSON);
    }

    /** Malformed as a media type at all: no single {@code type/subtype} token pair in plain ASCII. */
    private static boolean isMalformed(String contentType) {
        return contentType.length() > 256 || !contentType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+="
                + "([A-Za-z0-9!#$&^_.+-]+|\"[ -~&&[^\"\\\\]]*\"))*\\s*");
    }

    private static boolean hasBody(ContainerRequestContext request, String contentType) {
        if (request.getLength() > 0) {
            return true;
        }
        String transferEncoding = request.getHeaderString("Transfer-Encoding");
        return transferEncoding != null && !transferEncoding.isBlank()
                || request.getLength() < 0 && contentType != null;
    }
}
