package uk.dsltriage.review.api;

import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.incident.ParticipantIndex;
import uk.dsltriage.review.Chronology;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.facts.ParticipantBody;

@Path("/api/v1/children/{ref}/chronology")
@Tag(name = "Review", description = "The DSL's review of an incident: decisions with reasons, and its lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class ChronologyResource {

    private final Chronology chronology;
    private final CurrentUser user;

    public ChronologyResource(Chronology chronology, CurrentUser user) {
        this.chronology = chronology;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "getChildChronology", summary = "A child's chronology",
            description = "Every incident, addendum, recommendation, decision and task about this pseudonymous child in the DSL's school, oldest first. A reference with no incident in the school is 404.")
    @APIResponse(responseCode = "200", description = "The chronology",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChronologyView.class)))
    public ChronologyView chronology(
            @PathParam("ref") @Size(max = 12) @Pattern(regexp = ParticipantBody.PSEUDONYM, message = "must be a pseudonymous reference such as P1") String ref) {
        var entries = chronology.of(user.schoolScope(), ref).stream().map(ReviewViews::chronologyEntry).toList();
        return new ChronologyView(ParticipantIndex.normalise(ref), entries);
    }
}
