package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.List;

/**
 * What a rule contributes when it fires. {@code mandatoryReferral} and {@code removesInternalHandling}
 * both withdraw MANAGE_INTERNALLY_ELIGIBLE (threshold-guidance §9.3(2)).
 */
public record Outcome(List<Route> routes, Urgency urgency, List<RequiredAction> requiredActions,
        List<ForbiddenAction> forbiddenActions, boolean mandatoryReferral, boolean removesInternalHandling,
        boolean dslDecisionRequired) {

    public Outcome {
        routes = routes == null ? List.of() : List.copyOf(routes);
        requiredActions = requiredActions == null ? List.of() : List.copyOf(requiredActions);
        forbiddenActions = forbiddenActions == null ? List.of() : List.copyOf(forbiddenActions);
    }

    public boolean withdrawsInternalHandling() {
        return mandatoryReferral || removesInternalHandling;
    }
}
