package uk.dsltriage.triage;

import java.util.List;
import java.util.Map;
import uk.dsltriage.rules.EvaluationError;
import uk.dsltriage.rules.FiredRule;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A recommendation as stored (storage format {@value #VERSION}). Read strictly by {@link TriageStorage}: every field
 * present, no other. Errors are stored as values (code and message).
 */
public record StoredResult(int storageVersion, String ruleSetId, String ruleSetVersion, String ruleSetSha256,
        List<Route> routes, Urgency urgency, List<RequiredAction> requiredActions,
        List<ForbiddenAction> forbiddenActions, boolean dslDecisionRequired, List<String> missingFacts,
        List<FiredRule> firedRules, Map<String, Object> derivedFacts, List<EvaluationError> evaluationErrors) {

    public static final int VERSION = 2;

    public static StoredResult of(Recommendation r) {
        return new StoredResult(VERSION, r.ruleSetId(), r.ruleSetVersion(), r.ruleSetSha256(), r.routes(), r.urgency(),
                r.requiredActions(), r.forbiddenActions(), r.dslDecisionRequired(), r.missingFacts(), r.firedRules(),
                r.derivedFacts(), r.evaluationErrors());
    }

    public Recommendation toRecommendation() {
        return new Recommendation(ruleSetId, ruleSetVersion, ruleSetSha256, routes, urgency, requiredActions,
                forbiddenActions, dslDecisionRequired, missingFacts, firedRules, derivedFacts, evaluationErrors);
    }
}
