package uk.dsltriage.audit;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Refusals answered by the HTTP layer before any endpoint runs (a declared body over the limit) never pass the
 * endpoint response filter, {@link RefusalAudit}; this records them when such a response ends, off the event loop.
 * Responses that the filter has already recorded are marked and skipped, so each refusal is recorded once.
 */
@ApplicationScoped
public class PreRoutingRefusalAudit {

    static final String RECORDED = "dsltriage.refusal-audited";
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
                context.vertx().executeBlocking(() -> {
                    record();
                    return null;
                }, false);
            }
        });
        context.next();
    }

    private void record() {
        try {
            audit.refusal(null, Set.of(), null, null, AuditAction.REFUSED_TOO_LARGE, null, null, null);
        } catch (RuntimeException e) {
            LOG.errorf("A refusal could not be audited: %s", e.getClass().getName());
        }
    }
}
