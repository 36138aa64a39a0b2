package uk.dsltriage.alerts.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.alerts.AlertService;
import uk.dsltriage.common.WireLimits;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/alerts")
@Tag(name = "Alerts", description = "Emails that bring the school's DSLs to the console: an urgent concern, a downgrade, an overdue task")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final CurrentUser user;

    public AlertResource(AlertService alerts, CurrentUser user) {
        this.alerts = alerts;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "listAlerts", summary = "The school's alerts, sent and pending, newest first",
            description = "Each alert's kind, urgency, incident, when it was queued and sent, its status and the school's DSLs it went to. Cursor paging.")
    @APIResponse(responseCode = "200", description = "A page of alerts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertPageView.class)))
    public AlertPageView list(@QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        AlertService.Page page = alerts.list(user.schoolScope(), Cursor.decode(cursor), size);
        return new AlertPageView(page.alerts().stream().map(a -> AlertView.of(a, page.wordsOf(a))).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
