package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.review.ShadowRun;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.RuleSets;

@Path("/api/v1/rulesets/{ruleSetId}/{version}/shadow")
@Tag(name = "Rule sets")
@Produces(MediaType.APPLICATION_JSON)
public class ShadowRunResource {

    private final ShadowRun shadow;
    private final RuleSets ruleSets;
    private final CurrentUser user;

    public ShadowRunResource(ShadowRun shadow, RuleSets ruleSets, CurrentUser user) {
        this.shadow = shadow;
        this.ruleSets = ruleSets;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.DSL, Roles.RULES_ADMIN})
    @Operation(operationId = "shadowRunRuleSet", summary = "What a rule-set version would change, before it applies",
            description = "Evaluates every open incident's facts in force under this version and lists those whose routes, urgency or actions would change, with the difference. A DSL sees their school; a rules administrator every school. Stores nothing.")
    @APIResponse(responseCode = "200", description = "The incidents that would change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShadowRunView.class)))
    public ShadowRunView run(@PathParam("ruleSetId") @Size(max = WireLimits.CODE) String ruleSetId, @PathParam("version") @Size(max = WireLimits.VERSION) String version) {
        RuleSet ruleSet = ruleSets.find(ruleSetId, version).orElseThrow(ProblemException::notFound);
        AccessScope scope;
        String school;
        if (user.unscoped().has(Roles.RULES_ADMIN)) {
            scope = user.unscoped();
            school = null;
        } else {
            scope = user.schoolScope();
            school = scope.schoolUrn();
        }
        var changes = shadow.run(scope, school, ruleSet);
        return new ShadowRunView(ruleSet.ruleSetId(), ruleSet.version(), changes.size(), changes);
    }
}
