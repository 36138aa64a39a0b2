package uk.dsltriage.imageguard;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import uk.dsltriage.audit.PreRoutingRefusalAudit;
import uk.dsltriage.common.problem.ProblemType;

/**
 * Refuses request headers over {@code dsltriage.guard.max-header-bytes} with a problem+json 431, before the body is
 * read and before authentication. Vert.x answers headers over its own limit with a bare 431 from the HTTP codec, where
 * Quarkus offers no hook; so the transport's limit ({@code quarkus.http.limits.max-header-size}) is set well above
 * this one and this gate is the limit a client meets. No header name or value is logged or echoed.
 */
@ApplicationScoped
public class HeaderSizeGate {

    /** The bytes each header line adds besides its name and value: ": " and CRLF. */
    private static final int LINE_OVERHEAD = 4;

    private final GuardConfig config;
    private final PreRoutingRefusal refusal;
    private final PreRoutingRefusalAudit refusals;

    public HeaderSizeGate(GuardConfig config, PreRoutingRefusal refusal, PreRoutingRefusalAudit refusals) {
        this.config = config;
        this.refusal = refusal;
        this.refusals = refusals;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (headerBytes(context.request()) > config.maxHeaderBytes()) {
            refuse(context);
            return;
        }
        context.next();
    }

    /** The size of the header block as sent on HTTP/1.1 (name, ": ", value, CRLF per line), in UTF-16 units. */
    static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + LINE_OVERHEAD;
        }
        return total;
    }

    private void refuse(RoutingContext context) {
        refusal.refuse(context, ProblemType.HEADERS_TOO_LARGE,
                "Request headers are limited to " + config.maxHeaderBytes() + " bytes in all.", refusals::headersTooLarge);
    }
}
