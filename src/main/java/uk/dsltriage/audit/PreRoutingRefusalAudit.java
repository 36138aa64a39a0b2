package uk.dsltriage.audit;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Refusals answered by the HTTP layer before any endpoint runs (a declared body over the limit) never pass the
 * endpoint response filter, {@link RefusalAudit}. A guard that answers there records its refusal through this, off the
 * event loop, and sends its answer once the event is written, so a refused client never outruns its audit event.
 */
@ApplicationScoped
public class PreRoutingRefusalAudit {

    private static final Logger LOG = Logger.getLogger(PreRoutingRefusalAudit.class);

    private final AuditLog audit;

    PreRoutingRefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** Records a 413 refused before routing, with the id its problem carries; completes when written (or failed). */
    public Future<Void> bodyTooLarge(RoutingContext context, String correlationId) {
        return tooLarge(context, correlationId);
    }

    /** Records a 431 (headers over the limit), like {@link #bodyTooLarge}: a request too large to read. */
    public Future<Void> headersTooLarge(RoutingContext context, String correlationId) {
        return tooLarge(context, correlationId);
    }

    private Future<Void> tooLarge(RoutingContext context, String correlationId) {
        return context.vertx().executeBlocking(() -> {
            record(correlationId);
            return null;
        }, false);
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
