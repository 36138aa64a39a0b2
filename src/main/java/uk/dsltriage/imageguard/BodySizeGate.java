package uk.dsltriage.imageguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import uk.dsltriage.audit.PreRoutingRefusalAudit;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemType;

/**
 * Refuses a body whose declared {@code Content-Length} is over the guard's limit before the transport reads it. It
 * runs ahead of Vert.x's own {@code quarkus.http.limits.max-body-size} check, which answers a bare 413 with no body;
 * this one answers problem+json like every other error. Bodies without a length (chunked) are counted as they are
 * read, by the interceptor (or, past the transport limit, by {@code ProblemMappers}).
 */
@ApplicationScoped
public class BodySizeGate {

    private final GuardConfig config;
    private final ObjectMapper json;
    private final PreRoutingRefusalAudit refusals;

    public BodySizeGate(GuardConfig config, ObjectMapper json, PreRoutingRefusalAudit refusals) {
        this.config = config;
        this.json = json;
        this.refusals = refusals;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > config.maxBodyBytes()) {
            refuse(context);
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the transport refuses a malformed length itself
        }
    }

    private void refuse(RoutingContext context) {
        String instance = UUID.randomUUID().toString();
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to " + config.maxBodyBytes() + " bytes.", instance);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        String answer = body;
        // Audited first (the same id as the problem's instance), then answered.
        refusals.bodyTooLarge(context, instance).onComplete(recorded -> context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(answer));
    }
}
