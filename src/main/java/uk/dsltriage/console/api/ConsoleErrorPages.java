package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.dsltriage.common.CorrelationId;
import uk.dsltriage.common.problem.ImageContentRefusedException;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemType;

/**
 * The console's side of the one error mechanism: every problem (thrown anywhere, mapped by the common mappers) is
 * shown on a console path as an HTML page with its title and detail, never a stack trace. Out of scope and missing
 * are the same 404 page because the problem already is the same.
 */
public class ConsoleErrorPages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(Problem problem, String heading);
    }

    @ServerResponseFilter(priority = 100)
    public void render(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ConsolePaths.isConsole(request.getUriInfo().getPath())) {
            return;
        }
        Problem problem = response.getEntity() instanceof Problem p ? p : refusedForm(request, response);
        if (problem == null) {
            return;
        }
        response.setEntity(Templates.error(withFileGuidance(problem), heading(problem.status())).render(), null,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");
    }

    /**
     * The CSRF filter (quarkus-rest-csrf) refuses a form post without its token, or with a wrong one, by a bare 400
     * before any resource runs; a person gets this page instead.
     */
    private static Problem refusedForm(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())) {
            return null;
        }
        return Problem.of(ProblemType.VALIDATION_FAILED, FORM_REFUSED, CorrelationId.of(request));
    }

    static final String FORM_REFUSED = "This form could not be accepted: it has expired, or it did not come from "
            + "this console. Nothing was saved. Go back, reload the page and send it again.";

    /** A file refused on a console page is often a photo of a screen: the person sees what to do with it instead. */
    static Problem withFileGuidance(Problem problem) {
        boolean noGuidance = problem.guidance() == null || problem.guidance().isEmpty();
        return problem.status() == 415 && noGuidance ? problem.withGuidance(ImageContentRefusedException.GUIDANCE) : problem;
    }

    static String heading(int status) {
        return switch (status) {
            case 401 -> "Please sign in";
            case 403 -> "You cannot use this page";
            case 404 -> "Page not found";
            case 409, 412 -> "This record has changed";
            case 413, 415, 422 -> "This could not be accepted";
            case 429 -> "Too many requests";
            case 503 -> "The service is unavailable";
            default -> status >= 500 ? "Sorry, something went wrong" : "There is a problem";
        };
    }
}
