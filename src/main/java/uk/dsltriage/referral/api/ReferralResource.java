package uk.dsltriage.referral.api;

import jakarta.validation.constraints.Size;

import uk.dsltriage.common.WireLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.IdempotencyKey;
import uk.dsltriage.referral.ReferralService;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/incidents/{id}/referrals")
@Tag(name = "Referrals", description = "Referrals to a local authority, sent by the school's DSL")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DSL)
public class ReferralResource {

    private final ReferralService service;
    private final CurrentUser user;

    public ReferralResource(ReferralService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReferral", summary = "Send a referral to a local authority",
            description = "Allowed when the incident's decision includes a referral route of this kind (409 otherwise). The child's "
                    + "identity and household are stored encrypted, apart from the referral, and are visible only to this school's "
                    + "DSL and the addressed authority. Census factor codes are suggested from the incident types when not given. "
                    + "Send an Idempotency-Key to retry safely. The DSL gets a REFERRAL_ACKNOWLEDGEMENT task, due one working "
                    + "day later and overdue if the authority has not acknowledged by then; the acknowledgement completes it.")
    @APIResponse(responseCode = "201", description = "Sent: the authority's feed now carries it (or the replay of an earlier call "
            + "with the same Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = "The incident's decision does not include a referral route of this kind",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response createReferral(@PathParam("id") UUID id,
            @Parameter(description = "A client-chosen key (8-128 of A-Z a-z 0-9 _ . : -); a retry with the same key and body "
                    + "returns the referral already sent, with Idempotent-Replayed: true; the same key with another body is 422")
            @HeaderParam(IdempotencyKey.HEADER) @Size(max = IdempotencyKey.MAX_LENGTH) String idempotencyKey,
            @NotNull @Valid CreateReferralRequest request) {
        ReferralService.Sent sent = service.send(user.schoolScope(), id, request.toCommand(), IdempotencyKey.checked(idempotencyKey));
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(ReferralView.of(sent.referral()));
        if (sent.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Operation(operationId = "listIncidentReferrals", summary = "Referrals of an incident, with acknowledgement and outcomes")
    @APIResponse(responseCode = "200", description = "Referrals, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = WireLimits.UNPAGED_LIST, implementation = ReferralView.class)))
    public List<ReferralView> listIncidentReferrals(@PathParam("id") UUID id) {
        return service.ofIncident(user.schoolScope(), id).stream().map(ReferralView::of).toList();
    }
}
