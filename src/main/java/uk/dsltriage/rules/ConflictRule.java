package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import java.util.List;

/**
 * A conflict resolution applied after all rules, in file order: when the accumulated routes include any
 * of {@code whenRoutesAny} (if given), the forbidden actions include any of {@code whenForbiddenAny} (if
 * given) and {@code condition} (if given) is true, it adds forbidden actions and routes and removes
 * required actions and routes. The schema only lets it remove PARENTS_INFORM and MANAGE_INTERNALLY_ELIGIBLE.
 */
public record ConflictRule(String id, String title, List<Route> whenRoutesAny,
        List<ForbiddenAction> whenForbiddenAny, Condition condition, UnknownPolicy onUnknown,
        List<ForbiddenAction> addForbiddenActions, List<RequiredAction> removeRequiredActions,
        List<Route> removeRoutes, List<Route> addRoutes, List<Citation> citations, String explanation) {

    public ConflictRule {
        whenRoutesAny = whenRoutesAny == null ? List.of() : List.copyOf(whenRoutesAny);
        whenForbiddenAny = whenForbiddenAny == null ? List.of() : List.copyOf(whenForbiddenAny);
        addForbiddenActions = addForbiddenActions == null ? List.of() : List.copyOf(addForbiddenActions);
        removeRequiredActions = removeRequiredActions == null ? List.of() : List.copyOf(removeRequiredActions);
        removeRoutes = removeRoutes == null ? List.of() : List.copyOf(removeRoutes);
        addRoutes = addRoutes == null ? List.of() : List.copyOf(addRoutes);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
