package uk.dsltriage.viewing.api;

import uk.dsltriage.common.WireLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.viewing.ViewingRecordService;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/incidents/{id}")
@Tag(name = "Image viewing records", description = "Metadata that an image was viewed: never the image or a description of it")
@Produces(MediaType.APPLICATION_JSON)
public class ViewingRecordResource {

    private final ViewingRecordService service;
    private final CurrentUser user;

    public ViewingRecordResource(ViewingRecordService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Path("/accidental-viewings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    @Operation(operationId = "recordAccidentalViewing", summary = "Record that you saw an image by accident",
            description = "Records who, when and how, never what. Tell the DSL and seek support.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewingRecordView.class)))
    public Response accidental(@PathParam("id") UUID id, @NotNull @Valid AccidentalViewingRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ViewingRecordView.of(service.recordAccidental(user.schoolScope(), id, request.toDomain()))).build();
    }

    @POST
    @Path("/viewing-exceptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "recordViewingException", summary = "Record a DSL's viewing of an image under the UKCIS exception",
            description = "Refused (422, every missing safeguard listed) unless it shows an allowed reason, headteacher consulted, a second member of staff present, same sex as the child or why not, no copy made, no significant distress, and a signature with date and time.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewingRecordView.class)))
    public Response exception(@PathParam("id") UUID id, @NotNull @Valid ViewingExceptionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(ViewingRecordView.of(service.recordException(user.schoolScope(), id, request.toDomain())))
                .build();
    }

    @GET
    @Path("/viewing-records")
    @RolesAllowed({Roles.STAFF, Roles.DSL, Roles.HEADTEACHER})
    @Operation(operationId = "listViewingRecords", summary = "Viewing records of an incident, oldest first")
    @APIResponse(responseCode = "200", description = "Viewing records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = WireLimits.UNPAGED_LIST, implementation = ViewingRecordView.class)))
    public List<ViewingRecordView> list(@PathParam("id") UUID id) {
        return service.list(user.schoolScope(), id).stream().map(ViewingRecordView::of).toList();
    }
}
