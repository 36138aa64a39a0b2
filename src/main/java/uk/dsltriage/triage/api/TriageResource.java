package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.RuleSets;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.rules.RuleSet;

@Path("/api/v1/triage")
@Tag(name = "Triage", description = "Map facts to threshold guidance")
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {

    private final TriageService triage;
    private final RuleSets ruleSets;
    private final CurrentUser user;

    public TriageResource(TriageService triage, RuleSets ruleSets, CurrentUser user) {
        this.triage = triage;
        this.ruleSets = ruleSets;
        this.user = user;
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    @Operation(operationId = "evaluateTriage", summary = "Dry run: what the guidance requires for these facts",
            description = "Evaluates the facts under the rule set in force on occurredAt (or the version named) and stores nothing but an audit entry.")
    @APIResponse(responseCode = "200", description = "The recommendation, with every fired rule, its explanation and citations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationView.class)))
    public RecommendationView evaluate(
            @QueryParam("ruleSetId") @Parameter(description = "Evaluate under this rule set instead of the one in force") @Size(max = WireLimits.CODE) String ruleSetId,
            @QueryParam("version") @Parameter(description = "With ruleSetId: the version to use") @Size(max = WireLimits.VERSION) String version,
            @NotNull @Valid TriageFactsBody facts) {
        var scope = user.schoolScope();
        RuleSet ruleSet = chosen(ruleSetId, version);
        var result = triage.dryRun(scope, ruleSet, facts);
        return RecommendationView.dryRun(result, facts.dslAttestation(), ruleSets.labels(result.ruleSetSha256()).orElse(null));
    }

    private RuleSet chosen(String ruleSetId, String version) {
        if (ruleSetId == null && version == null) {
            return null;
        }
        if (ruleSetId == null || version == null) {
            throw ProblemException.invalid(ruleSetId == null ? "ruleSetId" : "version", "ruleSetId and version go together");
        }
        return ruleSets.find(ruleSetId, version)
                .orElseThrow(() -> ProblemException.invalid("version", "no such rule-set version"));
    }
}
