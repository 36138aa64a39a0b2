package uk.dsltriage.incident.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.IdempotencyKey;
import uk.dsltriage.common.problem.AllowedValues;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.incident.IncidentService;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.SupportLinks;
import uk.dsltriage.incident.SupportNeeds;
import uk.dsltriage.incident.SupportRecords;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.vocabulary.IncidentType;

@Path("/api/v1/incidents")
@Tag(name = "Incidents", description = "Record concerns, add later information, read them back")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentService service;
    private final CurrentUser user;
    private final uk.dsltriage.triage.RuleSets ruleSets;
    private final SupportLinks supportLinks;

    public IncidentResource(IncidentService service, CurrentUser user, uk.dsltriage.triage.RuleSets ruleSets,
            SupportLinks supportLinks) {
        this.service = service;
        this.user = user;
        this.ruleSets = ruleSets;
        this.supportLinks = supportLinks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    @Operation(operationId = "recordIncident", summary = "Record a concern",
            description = "Records a concern for the caller's school, triages it under the rule set in force on its date and returns it with the recommendation. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Recorded (or the replay of an earlier call with the same Idempotency-Key)",
            headers = @Header(name = "Location", description = "URL of the incident", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 200)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Response record(
            @Parameter(description = "A client-chosen key (8-128 of A-Z a-z 0-9 _ . : -); a retry with the same key returns the same incident")
            @HeaderParam(IdempotencyKey.HEADER) @Size(max = IdempotencyKey.MAX_LENGTH) String idempotencyKey,
            @NotNull @Valid RecordIncidentRequest request) {
        IncidentService.Recorded recorded = service.record(user.schoolScope(), request.toCommand(), IdempotencyKey.checked(idempotencyKey));
        // A relative reference (RFC 9110 §10.2.2), set as a plain header: never built from the request's Host.
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/incidents/" + recorded.incident().id())
                .entity(IncidentView.of(recorded.incident()));
        if (recorded.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "getIncident", summary = "Read an incident",
            description = "Staff read the incidents they recorded; DSLs and headteachers read all of their school's. Anything else is 404. For a DSL or headteacher, childrenSupport shows each child the recommendation asks to be assessed and supported, with their assessment and safety plan or what is missing.")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public IncidentView get(@PathParam("id") UUID id) {
        var scope = user.schoolScope();
        IncidentView view = IncidentView.of(service.get(scope, id));
        return supportLinks.of(scope, id, participants(view), routes(view), actions(view))
                .map(links -> view.withChildrenSupport(links.stream().map(IncidentResource::supportView).toList()))
                .orElse(view);
    }

    private static List<SupportNeeds.Participant> participants(IncidentView view) {
        if (view.currentFacts() == null || view.currentFacts().participants() == null) {
            return List.of();
        }
        return view.currentFacts().participants().stream()
                .map(p -> new SupportNeeds.Participant(p.ref(), p.role(), p.ageYears(), p.isStaffOrVolunteer()))
                .toList();
    }

    private static java.util.Set<uk.dsltriage.vocabulary.Route> routes(IncidentView view) {
        return view.recommendation() == null || view.recommendation().routes() == null ? java.util.Set.of()
                : java.util.Set.copyOf(view.recommendation().routes());
    }

    private static java.util.Set<uk.dsltriage.vocabulary.RequiredAction> actions(IncidentView view) {
        return view.recommendation() == null || view.recommendation().requiredActions() == null ? java.util.Set.of()
                : java.util.Set.copyOf(view.recommendation().requiredActions());
    }

    private static ChildSupportView supportView(SupportLinks.ChildSupport support) {
        SupportRecords.Current c = support.current();
        List<String> missing = new java.util.ArrayList<>();
        if (c.assessmentId() == null) {
            missing.add("ASSESSMENT");
        }
        if (c.safetyPlanId() == null) {
            missing.add("SAFETY_PLAN");
        }
        return new ChildSupportView(support.child().ref(), support.child().concern(), support.child().requiredBy(),
                c.assessmentId(), c.assessmentVersion(), c.assessedAt(), c.safetyPlanId(), c.safetyPlanVersion(), c.reviewBy(),
                c.planFlaggedForReview(), List.copyOf(missing));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "listIncidents", summary = "List incidents, newest first",
            description = "Paged summaries (no narratives) within the caller's reach, optionally filtered by status and incident type.")
    @APIResponse(responseCode = "200", description = "A page of incidents",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class)))
    public PageView list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = IncidentStatus.class)) @Size(max = 32) String status,
            @QueryParam("type") @Parameter(schema = @Schema(implementation = IncidentType.class)) @Size(max = WireLimits.CODE) String type,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageView.of(service.list(user.schoolScope(), parse(IncidentStatus.class, "status", status),
                parse(IncidentType.class, "type", type), page, size));
    }

    @POST
    @Path("/{id}/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    @Operation(operationId = "addAddendum", summary = "Add later information",
            description = "Appends an addendum with its author and time. When it carries revised facts (whole, or as a JSON Merge Patch in factsPatch) the incident is triaged again; earlier recommendations are kept. A new recommendation that removes a route or lowers the urgency is flagged as a downgrade; it cancels no task, and the incident returns to the DSL queue.")
    @APIResponse(responseCode = "201", description = "Appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddendumView.class)))
    public Response addAddendum(@PathParam("id") UUID id,
            @Parameter(description = "A client-chosen key (8-128 of A-Z a-z 0-9 _ . : -); a retry with the same key is not appended again")
            @HeaderParam(IdempotencyKey.HEADER) @Size(max = IdempotencyKey.MAX_LENGTH) String idempotencyKey,
            @NotNull @Valid AddAddendumRequest request) {
        IncidentService.AddedAddendum added = service.addAddendum(user.schoolScope(), id, request.toCommand(),
                IdempotencyKey.checked(idempotencyKey));
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(AddendumView.of(added.addendum()));
        if (added.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}/recommendations")
    @RolesAllowed({Roles.STAFF, Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "listRecommendations", summary = "Every recommendation made for an incident, oldest first")
    @APIResponse(responseCode = "200", description = "The recommendation history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = WireLimits.UNPAGED_LIST, implementation = RecommendationView.class)))
    public List<RecommendationView> recommendations(@PathParam("id") UUID id) {
        return service.recommendations(user.schoolScope(), id).stream().map(RecommendationView::of).toList();
    }

    @POST
    @Path("/{id}/retriage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "retriageIncident", summary = "Triage again under a chosen rule-set version",
            description = "For a DSL who decides the incident should be assessed under another guidance edition. The new recommendation is added to the history; nothing is replaced.")
    @APIResponse(responseCode = "201", description = "The new recommendation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationView.class)))
    public Response retriage(@PathParam("id") UUID id, @NotNull @Valid RetriageRequest request) {
        var scope = user.schoolScope();
        var ruleSet = ruleSets.find(request.ruleSetId(), request.version())
                .orElseThrow(() -> ProblemException.invalid("version", "no such rule-set version"));
        return Response.status(Response.Status.CREATED).entity(RecommendationView.of(service.retriage(scope, id, ruleSet)))
                .build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(name, AllowedValues.of(type));
    }
}
