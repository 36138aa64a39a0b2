package uk.dsltriage.triage.api;

import jakarta.validation.constraints.Size;
import uk.dsltriage.common.WireLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.RecordedRecommendation;
import uk.dsltriage.triage.TriageTrigger;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.rules.FiredRule;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A recommendation as vocabulary.md defines it. For a stored one, {@code id}, {@code sequence}, {@code trigger} and
 * {@code createdAt} say which one it is; a dry run leaves them out.
 */
@Schema(name = "Recommendation")
public record RecommendationView(
        UUID id,
        @Schema(minimum = "1", maximum = "2147483647") Integer sequence,
        TriageTrigger trigger,
        Instant createdAt,
        @Schema(maxLength = WireLimits.CODE) String ruleSetId,
        @Schema(maxLength = WireLimits.VERSION) String ruleSetVersion,
        @Schema(maxLength = WireLimits.SHA256_HEX) String ruleSetSha256,
        @Schema(maxItems = WireLimits.CODES) List<Route> routes,
        Urgency urgency,
        @Schema(maxItems = WireLimits.CODES) List<RequiredAction> requiredActions,
        @Schema(maxItems = WireLimits.CODES) List<ForbiddenAction> forbiddenActions,
        boolean dslDecisionRequired,
        @Schema(maxItems = 500) List<@Size(max = WireLimits.CODE) String> missingFacts,
        @Schema(maxItems = 1000) List<FiredRule> firedRules,
        @Schema(description = "Facts the engine derived from the participants (adultInvolved, ageGap, anyUnder13InImage, powerImbalance)")
        Map<String, Object> derivedFacts,
        @Schema(maxItems = 1000, description = "Anything that made the engine fail closed to DSL review") List<@Size(max = WireLimits.EXPLANATION) String> evaluationErrors,
        @Schema(description = "The DSL attestation sent with the facts, echoed") AttestationBody dslAttestation,
        @Schema(description = "Plain-English labels and descriptions of the codes above") CodeLabelsView labels) {

    /** {@code labels} is the rule set's $.labels (null when it has none). */
    public static RecommendationView dryRun(Recommendation r, AttestationBody attestation, JsonNode labels) {
        return of(null, null, null, null, r, attestation, labels);
    }

    public static RecommendationView of(RecordedRecommendation r) {
        return r == null ? null : of(r.id(), r.sequence(), r.trigger(), r.createdAt(), r.result(), r.dslAttestation(), r.labels());
    }

    private static RecommendationView of(UUID id, Integer sequence, TriageTrigger trigger, Instant createdAt, Recommendation r,
            AttestationBody attestation, JsonNode labels) {
        return new RecommendationView(id, sequence, trigger, createdAt, r.ruleSetId(), r.ruleSetVersion(), r.ruleSetSha256(),
                r.routes(), r.urgency(), r.requiredActions(), r.forbiddenActions(), r.dslDecisionRequired(),
                r.missingFacts(), r.firedRules(), r.derivedFacts(),
                r.evaluationErrors().stream().map(uk.dsltriage.rules.EvaluationError::text).toList(), attestation,
                CodeLabelsView.of(labels, r.routes(), r.requiredActions(), r.forbiddenActions(), r.urgency()));
    }
}
