package uk.dsltriage.triage.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.TriageTrigger;
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
        Integer sequence,
        TriageTrigger trigger,
        Instant createdAt,
        String ruleSetId,
        String ruleSetVersion,
        String ruleSetSha256,
        List<Route> routes,
        Urgency urgency,
        List<RequiredAction> requiredActions,
        List<ForbiddenAction> forbiddenActions,
        boolean dslDecisionRequired,
        List<String> missingFacts,
        List<FiredRule> firedRules,
        @Schema(description = "Facts the engine derived from the participants (adultInvolved, ageGap, anyUnder13InImage, powerImbalance)")
        Map<String, Object> derivedFacts,
        @Schema(description = "Anything that made the engine fail closed to DSL review") List<String> evaluationErrors,
        @Schema(description = "The DSL attestation sent with the facts, echoed") AttestationBody dslAttestation) {

    public static RecommendationView dryRun(Recommendation r, AttestationBody attestation) {
        return of(null, null, null, null, r, attestation);
    }

    public static RecommendationView of(UUID id, Integer sequence, TriageTrigger trigger, Instant createdAt, Recommendation r,
            AttestationBody attestation) {
        return new RecommendationView(id, sequence, trigger, createdAt, r.ruleSetId(), r.ruleSetVersion(), r.ruleSetSha256(),
                r.routes(), r.urgency(), r.requiredActions(), r.forbiddenActions(), r.dslDecisionRequired(),
                r.missingFacts(), r.firedRules(), r.derivedFacts(),
                r.evaluationErrors().stream().map(uk.dsltriage.rules.EvaluationError::text).toList(), attestation);
    }
}
