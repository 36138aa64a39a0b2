package uk.dsltriage.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.security.CallerToken;

/**
 * The one place refusals are audited: every 4xx problem response (401, 403, 404 on a record, 400 and 422 validation,
 * 409, 413, 415, image content refused, viewing record refused), whichever layer refused it. Only validated values
 * are kept: the route template (never the raw path), a record id only when it parses as a UUID, the actor only from
 * an identity that was already authenticated (a refusal never triggers authentication), never a body.
 */
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class);
    private static final Pattern URN = Pattern.compile("[0-9]{6,7}");
    private static final Pattern LA_CODE = Pattern.compile("[A-Za-z0-9]{3,9}");
    private static final int MAX_SUBJECT = 255;
    private static final String INCIDENT_ROUTE = "/api/v1/incidents/{id}";

    private final AuditLog audit;

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            RoutingContext routing) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String template = template(resource);
        AuditAction action = action(problem.type(), status, template != null);
        if (action == null) {
            return;
        }
        SecurityIdentity identity = status == 401 ? null : authenticated(routing);
        JsonWebToken token = CallerToken.of(identity).orElse(null);
        String school = token == null ? null : claim(token, "school_urn", URN);
        String la = token == null ? null : claim(token, "la_code", LA_CODE);
        Set<String> roles = identity == null ? Set.of() : identity.getRoles();
        String record = recordId(request, template);
        try {
            audit.refusal(actor(token), roles, school, la, action, record == null ? null : ObjectKind.INCIDENT, record,
                    template);
        } catch (RuntimeException e) {
            // The client still gets its refusal; the operator sees that the audit write failed (ids only).
            LOG.errorf("A refusal could not be audited: %s", e.getClass().getName());
        }
    }

    static AuditAction action(URI type, int status, boolean matchedRoute) {
        if (is(type, ProblemType.IMAGE_CONTENT_REFUSED)) {
            return AuditAction.IMAGE_CONTENT_REFUSED;
        }
        if (is(type, ProblemType.VIEWING_RECORD_NOT_COMPLIANT)) {
            return AuditAction.VIEWING_REFUSED;
        }
        return switch (status) {
            case 401 -> AuditAction.REFUSED_UNAUTHENTICATED;
            case 403 -> AuditAction.REFUSED_FORBIDDEN;
            // A 404 for a path that names no endpoint is not about a record.
            case 404 -> matchedRoute ? AuditAction.REFUSED_NOT_FOUND : null;
            case 409 -> AuditAction.REFUSED_CONFLICT;
            case 413 -> AuditAction.REFUSED_TOO_LARGE;
            case 415 -> AuditAction.REFUSED_MEDIA_TYPE;
            case 400, 422 -> AuditAction.REFUSED_INVALID;
            default -> null;
        };
    }

    private static boolean is(URI type, ProblemType expected) {
        return expected.uri().equals(type);
    }

    private static SecurityIdentity authenticated(RoutingContext routing) {
        if (routing != null && routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity == null || identity.isAnonymous() ? null : identity;
        }
        return null;
    }

    private static String actor(JsonWebToken token) {
        if (token == null) {
            return null;
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return "invalid-subject";
        }
        return token.getIssuer() + " " + subject;
    }

    private static String claim(JsonWebToken token, String name, Pattern valid) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = (value instanceof jakarta.json.JsonString json ? json.getString() : value.toString()).trim();
        return valid.matcher(text).matches() ? text : null;
    }

    /** The record a refusal was about: the {@code id} path parameter of an incident route, if it is a UUID. */
    private static String recordId(ContainerRequestContext request, String template) {
        if (template == null || !template.startsWith(INCIDENT_ROUTE)) {
            return null;
        }
        String raw = request.getUriInfo().getPathParameters().getFirst("id");
        try {
            return raw == null ? null : UUID.fromString(raw).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The route template of the matched endpoint ({@code /api/v1/incidents/{id}}), or null before matching. */
    static String template(ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return null;
        }
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String base = classPath == null ? "" : classPath.value();
        String sub = methodPath == null ? "" : methodPath.value();
        if (!sub.isEmpty() && !sub.startsWith("/") && !base.endsWith("/")) {
            sub = "/" + sub;
        }
        return base + sub;
    }
}
