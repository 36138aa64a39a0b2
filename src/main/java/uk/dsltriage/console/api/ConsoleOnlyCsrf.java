package uk.dsltriage.console.api;

import io.quarkus.csrf.reactive.runtime.CsrfRequestResponseReactiveFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * quarkus-rest-csrf's own filter (token, cookie, verification: none of it ours), confined to the console. The
 * extension runs for every request and can only be told exact paths to create tokens on
 * ({@code quarkus.rest-csrf.create-token-path}), which the decision form ({@code /console/incidents/{id}/decision})
 * cannot be; left alone it drew a random token and set its cookie on every API GET. Here a safe request outside
 * {@code /console} (the API, and anything else the REST layer serves) creates no token and its response gets no
 * cookie; every console page gets its token as before. A request that changes state still goes to the extension
 * wherever it arrives, so a form is verified even if a path were ever judged differently here than by the router
 * (forms are refused outside the console before this runs, by {@code imageguard.JsonOnlyRequestFilter}).
 * <p>
 * The generated filters of the extension call this bean in place of theirs (a CDI alternative of the same type).
 */
@Alternative
@Priority(1)
@Singleton
public class ConsoleOnlyCsrf extends CsrfRequestResponseReactiveFilter {

    @Override
    public void filter(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (isSafe(request.getMethod()) && !ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        super.filter(request, routing);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            super.filter(request, response, routing);
        }
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }
}
