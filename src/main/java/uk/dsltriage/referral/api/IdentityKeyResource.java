package uk.dsltriage.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.referral.IdentityKeyRotation;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/admin/identity-keys/rewrap")
@Tag(name = "Operations", description = "Operator tasks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RULES_ADMIN)
public class IdentityKeyResource {

    private final IdentityKeyRotation rotation;
    private final CurrentUser user;

    public IdentityKeyResource(IdentityKeyRotation rotation, CurrentUser user) {
        this.rotation = rotation;
        this.user = user;
    }

    @POST
    @Operation(operationId = "rewrapIdentityKeys", summary = "Re-wrap every school data key with the newest master key",
            description = "Run after adding a master key at the end of dsl-triage.identity.master-keys. Online and safe to run "
                    + "from several replicas at once; when remaining is 0 the older master keys may be removed.")
    @APIResponse(responseCode = "200", description = "Re-wrapped",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationView.class)))
    public RotationView rewrapIdentityKeys() {
        var result = rotation.rewrap(user.unscoped());
        return new RotationView(result.masterKeyId(), result.rewrapped(), result.remaining());
    }
}
