package uk.dsltriage.triage.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.triage.RuleSets;
import uk.dsltriage.rules.RuleSet;

/** The rules in force and their citations, open to every authenticated user for transparency. */
@Path("/api/v1/rulesets")
@Tag(name = "Rule sets", description = "The versioned threshold rules, with citations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RuleSetResource {

    private final RuleSets ruleSets;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RuleSetResource(RuleSets ruleSets, ObjectMapper mapper, Clock clock) {
        this.ruleSets = ruleSets;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "listRuleSets", summary = "Every rule-set version this service can triage under")
    @APIResponse(responseCode = "200", description = "Rule-set versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSetSummaryView.class)))
    public List<RuleSetSummaryView> list() {
        RuleSet today = ruleSets.inForceAt(Instant.now(clock));
        return ruleSets.all().stream()
                .map(r -> new RuleSetSummaryView(r.ruleSetId(), r.version(), r.title(), r.guidanceVersion(), r.effectiveFrom(),
                        r.sha256(), r.equals(today)))
                .toList();
    }

    @GET
    @Path("/{ruleSetId}/{version}")
    @Operation(operationId = "getRuleSet", summary = "One rule-set version, with every rule, condition, outcome and citation")
    @APIResponse(responseCode = "200", description = "The rule set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetView.class)))
    public RuleSetView get(@PathParam("ruleSetId") String ruleSetId, @PathParam("version") String version) {
        RuleSet ruleSet = ruleSets.find(ruleSetId, version).orElseThrow(ProblemException::notFound);
        try {
            return new RuleSetView(ruleSet.ruleSetId(), ruleSet.version(), ruleSet.title(), ruleSet.guidanceVersion(),
                    ruleSet.effectiveFrom(), ruleSet.sha256(), mapper.readTree(ruleSet.content()));
        } catch (IOException e) {
            throw new IllegalStateException("validated rule set no longer parses", e);
        }
    }
}
