package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.review.DecisionService;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/incidents/{id}")
@Tag(name = "Review", description = "The DSL's review of an incident: decisions with reasons, and its lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private static final String IF_MATCH_DOC = "The incident's ETag as read (from GET /api/v1/incidents/{id}/review or the queue)";

    private final DecisionService decisions;
    private final CurrentUser user;

    public ReviewResource(DecisionService decisions, CurrentUser user) {
        this.decisions = decisions;
        this.user = user;
    }

    @GET
    @Path("/review")
    @RolesAllowed({Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "getReview", summary = "An incident's review: status, ETag, current advice, decisions and tasks")
    @APIResponse(responseCode = "200", description = "The review", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("id") UUID id) {
        return withEtag(Response.ok(), ReviewViews.review(decisions.state(user.schoolScope(), id)));
    }

    @POST
    @Path("/review/start")
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "startReview", summary = "Begin the review of an incident awaiting a DSL",
            description = "AWAITING_DSL_REVIEW to IN_REVIEW; any other status is 409. If-Match is optional here; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "In review", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    public Response start(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") @Size(max = WireLimits.ETAG) String ifMatch) {
        return withEtag(Response.ok(), ReviewViews.review(decisions.beginReview(user.schoolScope(), id, IfMatch.version(ifMatch))));
    }

    @POST
    @Path("/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "recordDecision", summary = "Record a decision with its reasons",
            description = "Requires If-Match with the incident's ETag (missing: 428; stale: 412, also for the second of two DSLs deciding at once). "
                    + "Incomplete reasons are 400; internal handling without the full attestation, or an action the recommendation forbids, is 422; a closed incident is 409. "
                    + "Each route and required action becomes a task due by the recommendation's urgency. Decisions are never edited: a new one supersedes.")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = {@Header(name = "ETag", description = "The incident's new ETag", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
                    @Header(name = "Location", description = "The incident's review", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 200))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRecordedView.class)))
    @APIResponse(responseCode = "409", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")), description = "The incident is closed: reopen it first")
    @APIResponse(responseCode = "412", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")), description = "If-Match is not the incident's current ETag (it changed since it was read)")
    @APIResponse(responseCode = "428", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")), description = "If-Match is missing")
    public Response decide(@PathParam("id") UUID id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam("If-Match") @Size(max = WireLimits.ETAG) String ifMatch,
            @NotNull @Valid DecisionRequest request) {
        DecisionService.Decided decided = decisions.decide(user.schoolScope(), id, IfMatch.version(ifMatch), request.toCommand());
        Instant now = decided.decision().decidedAt;
        DecisionRecordedView view = new DecisionRecordedView(ReviewViews.decision(decided.decision(), decided.words()),
                decided.tasks().stream().map(t -> ReviewViews.task(t, now, decided.words())).toList(), decided.etag());
        // A relative reference, as for every 201: never built from the request's Host.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/incidents/" + id + "/review")
                .tag(EntityTag.valueOf(decided.etag())).entity(view).build();
    }

    @POST
    @Path("/closure")
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "closeIncident", summary = "Close a decided incident",
            description = "DECIDED to CLOSED; any other status is 409. Open tasks stay open. If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "Closed", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    public Response close(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") @Size(max = WireLimits.ETAG) String ifMatch) {
        return withEtag(Response.ok(), ReviewViews.review(decisions.close(user.schoolScope(), id, IfMatch.version(ifMatch))));
    }

    @POST
    @Path("/reopening")
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "reopenIncident", summary = "Reopen a closed incident",
            description = "CLOSED to AWAITING_DSL_REVIEW (back in the queue); any other status is 409. If-Match is optional; when sent it must be current.")
    @APIResponse(responseCode = "200", description = "Reopened", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING, maxLength = WireLimits.ETAG)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    public Response reopen(@PathParam("id") UUID id, @Parameter(description = IF_MATCH_DOC) @HeaderParam("If-Match") @Size(max = WireLimits.ETAG) String ifMatch) {
        return withEtag(Response.ok(), ReviewViews.review(decisions.reopen(user.schoolScope(), id, IfMatch.version(ifMatch))));
    }

    private static Response withEtag(Response.ResponseBuilder response, ReviewView view) {
        return response.tag(EntityTag.valueOf(view.etag())).entity(view).build();
    }
}
