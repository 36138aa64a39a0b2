package uk.dsltriage.audit.api;

import uk.dsltriage.common.WireLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.audit.AuditEntry;
import uk.dsltriage.audit.AuditTrail;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

/**
 * Who viewed or changed an incident. The incident must have been recorded in the caller's school's chain: any other
 * id answers 404, as a missing one does.
 */
@Path("/api/v1/incidents/{id}/access-log")
@Tag(name = "Audit")
public class AccessLogResource {

    private final AuditTrail trail;
    private final CurrentUser user;

    public AccessLogResource(AuditTrail trail, CurrentUser user) {
        this.trail = trail;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "getIncidentAccessLog", summary = "Who viewed or changed this incident, and when (oldest first)")
    @APIResponse(responseCode = "200", description = "Audit events about the incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = WireLimits.UNPAGED_LIST, implementation = AuditEventView.class)))
    public List<AuditEventView> accessLog(@PathParam("id") UUID id) {
        List<AuditEntry> events = trail.accessLog(user.schoolScope(), id.toString());
        if (events.isEmpty()) {
            throw ProblemException.notFound();
        }
        return events.stream().map(AuditEventView::of).toList();
    }
}
