package uk.dsltriage.imageguard;

import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import uk.dsltriage.common.problem.ImageContentRefusedException;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.imageguard.scanner.ImageContentScanner;
import uk.dsltriage.imageguard.scanner.RefusalReason;
import uk.dsltriage.ops.DomainMetrics;

/**
 * The image guard for browser forms: every field of an urlencoded form passes the same scanner as every JSON string
 * ({@link ImageContentScanner#inspectText}), and a file part is refused outright. It runs after routing, once the
 * framework has read the form, and before the resource, so no console page can forget it. Only the console's paths
 * receive forms at all ({@link JsonOnlyRequestFilter}).
 */
public class FormContentGuard {

    private static final Logger LOG = Logger.getLogger(FormContentGuard.class);
    static final String NO_FILES = "Files are never accepted. Record what you know in words and in the structured fields.";

    private final ImageContentScanner scanner;
    private final DomainMetrics metrics;

    @Inject
    public FormContentGuard(GuardConfig config, DomainMetrics metrics) {
        this.scanner = new ImageContentScanner(config.scanner().policy());
        this.metrics = metrics;
    }

    // Without @WithFormRead the filter runs before the form is read (getFormData() is null), and a void filter taking
    // a ContainerRequestContext is handed a wrapper that is not the reactive context: either way it checked nothing.
    @ServerRequestFilter(priority = 5)
    @WithFormRead
    public void scan(ResteasyReactiveContainerRequestContext request) {
        if (!(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)) {
            return;
        }
        FormData form = context.getFormData();
        if (form == null) {
            return;
        }
        for (String name : form) {
            for (FormValue value : form.get(name)) {
                check(name, value);
            }
        }
    }

    private void check(String name, FormValue value) {
        if (value.isFileItem()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, NO_FILES);
        }
        checkField(name, value.getValue());
    }

    private void checkField(String name, String value) {
        RefusalReason reason = scanner.inspectText(name);
        if (reason == null) {
            reason = scanner.inspectText(value);
        }
        if (reason != null) {
            LOG.warn("Refused image or link content in a form (content not kept)");
            metrics.imageRefused(reason);
            throw new ImageContentRefusedException(sanitisedName(name), ImageContentInterceptor.describe(reason));
        }
    }

    /** A field name goes into the problem; an odd one is not echoed. */
    private static String sanitisedName(String name) {
        return name.length() <= 64 && name.matches("[A-Za-z0-9_.\\-\\[\\]]+") ? name
                : "(a form field)";
    }
}
