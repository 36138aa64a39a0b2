package uk.dsltriage.triage;

import java.util.List;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What a recommendation asks a DSL to do, without its explanations: two recommendations with equal advice need no new
 * decision. Used to decide whether an incident returns to the queue and what a shadow run would change.
 */
public record Advice(List<Route> routes, Urgency urgency, List<RequiredAction> requiredActions,
        List<ForbiddenAction> forbiddenActions, boolean dslDecisionRequired) {

    public Advice {
        routes = List.copyOf(routes);
        requiredActions = List.copyOf(requiredActions);
        forbiddenActions = List.copyOf(forbiddenActions);
    }

    public static Advice of(Recommendation r) {
        return new Advice(r.routes(), r.urgency(), r.requiredActions(), r.forbiddenActions(), r.dslDecisionRequired());
    }
}
