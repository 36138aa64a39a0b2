package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.List;
import java.util.Map;

/**
 * The engine's output. Lists are in a stable order: routes and actions in enum declaration order,
 * fired rules by id, missing facts sorted. {@code derivedFacts} values are null when unknown.
 */
public record Recommendation(String ruleSetId, String ruleSetVersion, String ruleSetSha256,
        List<Route> routes, Urgency urgency, List<RequiredAction> requiredActions,
        List<ForbiddenAction> forbiddenActions, boolean dslDecisionRequired, List<String> missingFacts,
        List<FiredRule> firedRules, Map<String, Object> derivedFacts, List<EvaluationError> evaluationErrors) {

    public boolean firedRule(String id) {
        return firedRules.stream().anyMatch(f -> f.id().equals(id));
    }
}
