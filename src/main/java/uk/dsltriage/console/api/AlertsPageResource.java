package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.util.List;
import uk.dsltriage.alerts.AlertService;
import uk.dsltriage.alerts.api.AlertView;
import uk.dsltriage.common.WireLimits;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

/** The alerts emailed to the school's DSLs, newest first: the same service and view as GET /api/v1/alerts. */
@Path(ConsolePaths.ALERTS)
@Produces(MediaType.TEXT_HTML)
public class AlertsPageResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance alerts(Chrome chrome, List<AlertView> alerts, String next);
    }

    private final AlertService alerts;
    private final CurrentUser user;
    private final ConsoleUser console;

    public AlertsPageResource(AlertService alerts, CurrentUser user, ConsoleUser console) {
        this.alerts = alerts;
        this.user = user;
        this.console = console;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    @Operation(hidden = true)
    public TemplateInstance alerts(@QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor) {
        AlertService.Page page = alerts.list(user.schoolScope(), Cursor.decode(cursor), PAGE_SIZE);
        return Templates.alerts(console.chrome(ConsolePaths.ALERTS), page.alerts().stream().map(a -> AlertView.of(a, page.wordsOf(a))).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
