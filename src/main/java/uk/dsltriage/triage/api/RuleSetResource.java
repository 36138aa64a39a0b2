package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import uk.dsltriage.rules.codec.RuleSetDiff;
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, maxItems = WireLimits.CODES, implementation = RuleSetSummaryView.class)))
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
    public RuleSetView get(@PathParam("ruleSetId") @Size(max = WireLimits.CODE) String ruleSetId, @PathParam("version") @Size(max = WireLimits.VERSION) String version) {
        RuleSet ruleSet = ruleSets.find(ruleSetId, version).orElseThrow(ProblemException::notFound);
        try {
            return new RuleSetView(ruleSet.ruleSetId(), ruleSet.version(), ruleSet.title(), ruleSet.guidanceVersion(),
                    ruleSet.effectiveFrom(), ruleSet.sha256(), mapper.readTree(ruleSet.content()),
                    ruleSets.labels(ruleSet.sha256()).orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("validated rule set no longer parses", e);
        }
    }

    private static final Pattern VERSION = Pattern.compile("[0-9]{4}\\.[0-9]{1,3}");

    @GET
    @Path("/{ruleSetId}/{version}/changes")
    @Operation(operationId = "getRuleSetChanges", summary = "Rules added, removed and changed since an earlier version, with the reasons from the change file")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetChangesView.class)))
    public RuleSetChangesView changes(@PathParam("ruleSetId") @Size(max = WireLimits.CODE) String ruleSetId, @PathParam("version") @Size(max = WireLimits.VERSION) String version,
            @Parameter(description = "The earlier version (yyyy.n); the previous release when absent")
            @QueryParam("from") @Size(max = WireLimits.VERSION) String from) {
        RuleSet to = ruleSets.find(ruleSetId, version).orElseThrow(ProblemException::notFound);
        RuleSet before;
        if (from == null) {
            before = ruleSets.previous(to).orElse(null);
        } else if (!VERSION.matcher(from).matches()) {
            throw ProblemException.invalid("from", "must be a version of the form yyyy.n");
        } else {
            before = ruleSets.find(ruleSetId, from).orElseThrow(ProblemException::notFound);
        }
        JsonNode file = ruleSets.changeFile(to).filter(f -> before != null && before.version().equals(f.path("from").asText()))
                .orElse(null);
        Map<String, JsonNode> explained = new HashMap<>();
        List<String> notes = new ArrayList<>();
        if (file != null) {
            file.path("rules").forEach(e -> explained.put(e.path("id").asText(), e));
            file.path("notes").forEach(n -> notes.add(n.asText()));
        }
        if (before == null) {
            List<RuleSetChangesView.Change> all = to.rules().stream()
                    .map(r -> new RuleSetChangesView.Change(r.id(), r.title(), List.of(), null, null)).toList();
            return new RuleSetChangesView(ruleSetId, null, to.version(), null, notes, all, List.of(), List.of());
        }
        RuleSetDiff.Changes d = RuleSetDiff.between(before, to);
        return new RuleSetChangesView(ruleSetId, before.version(), to.version(),
                file == null ? null : file.path("summary").asText(null), notes,
                d.added().stream().map(r -> change(r.id(), r.title(), List.of(), explained)).toList(),
                d.removed().stream().map(r -> change(r.id(), r.title(), List.of(), explained)).toList(),
                d.changed().stream().map(r -> change(r.id(), r.title(), r.fields(), explained)).toList());
    }

    private static RuleSetChangesView.Change change(String id, String title, List<String> fields,
            Map<String, JsonNode> explained) {
        JsonNode e = explained.get(id);
        return new RuleSetChangesView.Change(id, title, fields, e == null ? null : e.path("amendment").asText(null),
                e == null ? null : e.path("reason").asText(null));
    }
}
