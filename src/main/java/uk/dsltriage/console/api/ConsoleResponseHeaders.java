package uk.dsltriage.console.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser-facing protections of every console response, set in one place. {@code img-src 'none'}: no image can
 * render in the console, whatever a page or a record contains. No inline script or style is allowed, so markup that
 * slipped into a record cannot run.
 */
public class ConsoleResponseHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'none';"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void protect(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
