package uk.dsltriage.plans.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.incident.ParticipantIndex;
import uk.dsltriage.plans.ChildSupportService;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/children/{ref}")
@Tag(name = "Support plans", description = "Support for both children: risk and needs assessments and safety plans, versioned")
@Produces(MediaType.APPLICATION_JSON)
public class ChildSupportResource {

    private static final String REF_MESSAGE = "must be a pseudonymous reference such as P1";

    private final ChildSupportService service;
    private final CurrentUser user;

    public ChildSupportResource(ChildSupportService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Path("/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "recordAssessment", summary = "Record a child's risk and needs assessment",
            description = "For the harmed child and the child who displayed the behaviour alike. A new version for the same child and incident supersedes the previous one; nothing is overwritten. An incident of another school is 404; a child who is not a participant of the incident is 400.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupportRecordView.class)))
    public Response recordAssessment(@PathParam("ref") @Pattern(regexp = ParticipantIndex.PSEUDONYM, message = REF_MESSAGE) @Size(max = 12) String ref,
            @NotNull @Valid AssessmentRequest request) {
        return created(ref, service.recordAssessment(user.schoolScope(), ref, request.incidentId(), request.toAssessment()));
    }

    @POST
    @Path("/safety-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "recordSafetyPlan", summary = "Record a child's safety plan",
            description = "Supervision, monitoring and support with who is responsible, and a review date that becomes a SAFETY_PLAN_REVIEW task in GET /api/v1/tasks (the superseded version's task is completed). A new incident or addendum about the child flags the current plan for review in the DSL's queue.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupportRecordView.class)))
    public Response recordSafetyPlan(@PathParam("ref") @Pattern(regexp = ParticipantIndex.PSEUDONYM, message = REF_MESSAGE) @Size(max = 12) String ref,
            @NotNull @Valid SafetyPlanRequest request) {
        return created(ref, service.recordSafetyPlan(user.schoolScope(), ref, request.incidentId(), request.toSafetyPlan()));
    }

    @GET
    @Path("/plans")
    @RolesAllowed({Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "getChildPlans", summary = "A child's assessments and safety plans, oldest first",
            description = "Every version, with which is current and whether the current safety plan is flagged for review. A reference with no incident in the school is 404. Every read is audited.")
    @APIResponse(responseCode = "200", description = "The child's records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildPlansView.class)))
    public ChildPlansView plans(@PathParam("ref") @Pattern(regexp = ParticipantIndex.PSEUDONYM, message = REF_MESSAGE) @Size(max = 12) String ref) {
        return new ChildPlansView(ParticipantIndex.normalise(ref),
                service.ofChild(user.schoolScope(), ref).stream().map(SupportViews::version).toList());
    }

    /** 201 with the version recorded, and where the child's records are read. */
    private static Response created(String ref, ChildSupportService.Recorded recorded) {
        // A relative reference, never built from the request's Host.
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/children/" + ParticipantIndex.normalise(ref) + "/plans")
                .entity(SupportViews.recorded(recorded)).build();
    }
}
