package uk.dsltriage.audit;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Refusals answered by the HTTP layer before any endpoint runs (a declared body over the limit) never pass the
 * endpoint response filter, {@link RefusalAudit}; this records them when such a response ends, off the event loop.
 * Responses that the filter has already recorded are marked and skipped, so each refusal is recorded once.
 */
@ApplicationScoped
public class PreRoutingRefusalAudit {

    static final String RECORDED = "dsltriage.refusal-audited";
    /** Where a guard answering before routing leaves the id its problem carries (the imageguard body-size gate). */
    public static final String CORRELATION_ID = "dsltriage.pre-routing-correlation-id";
    private static final Logger LOG = Logger.getLogger(PreRoutingRefusalAudit.class);

    private final AuditLog audit;

    PreRoutingRefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    void register(@Observes Router router) {
        // Ahead of every guard that may answer before routing (they run at ROUTE_ORDER_UPLOAD_LIMIT - 1 and later).
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        context.addEndHandler(ended -> {
            if (context.response().getStatusCode() == 413 && context.get(RECORDED) == null) {
                Object correlationId = context.get(CORRELATION_ID);
                context.vertx().executeBlocking(() -> {
                    record(correlationId == null ? UUID.randomUUID().toString() : correlationId.toString());
                    return null;
                }, false);
            }
        });
        context.next();
    }

    private void record(String correlationId) {
        MDC.put("correlationId", correlationId);
        try {
            audit.refusal(null, Set.of(), null, null, AuditAction.REFUSED_TOO_LARGE, null, null, null);
        } catch (RuntimeException e) {
            LOG.errorf("A refusal could not be audited: %s", e.getClass().getName());
        } finally {
            MDC.remove("correlationId");
        }
    }
}
