package uk.dsltriage.imageguard;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uk.dsltriage.audit.PreRoutingRefusalAudit;
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
    private final PreRoutingRefusal refusal;
    private final PreRoutingRefusalAudit refusals;

    public BodySizeGate(GuardConfig config, PreRoutingRefusal refusal, PreRoutingRefusalAudit refusals) {
        this.config = config;
        this.refusal = refusal;
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
        refusal.refuse(context, ProblemType.PAYLOAD_TOO_LARGE,
                "Request bodies are limited to " + config.maxBodyBytes() + " bytes.", refusals::bodyTooLarge);
    }
}
