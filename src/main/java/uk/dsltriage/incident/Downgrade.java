package uk.dsltriage.incident;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What a newer recommendation took away from the one before it: routes it no longer lists, and a lower urgency.
 * A downgrade is shown to the DSL until they decide again; it never cancels a task.
 */
public record Downgrade(List<Route> removedRoutes, Urgency previousUrgency, Urgency urgency) {

    public static final Downgrade NONE = new Downgrade(List.of(), null, null);

    public Downgrade {
        removedRoutes = List.copyOf(removedRoutes);
    }

    public static Downgrade between(Urgency beforeUrgency, Collection<Route> beforeRoutes, Urgency afterUrgency,
            Collection<Route> afterRoutes) {
        Set<Route> removed = beforeRoutes.isEmpty() ? EnumSet.noneOf(Route.class) : EnumSet.copyOf(beforeRoutes);
        removed.removeAll(afterRoutes);
        boolean lowered = beforeUrgency != null && afterUrgency != null && afterUrgency.ordinal() > beforeUrgency.ordinal();
        if (removed.isEmpty() && !lowered) {
            return NONE;
        }
        return new Downgrade(List.copyOf(removed), lowered ? beforeUrgency : null, lowered ? afterUrgency : null);
    }

    static Downgrade of(String removedRoutesText, Urgency previousUrgency, Urgency urgency) {
        List<Route> routes = removedRoutesText == null || removedRoutesText.isBlank() ? List.of()
                : Arrays.stream(removedRoutesText.split(",")).map(Route::valueOf).toList();
        return new Downgrade(routes, previousUrgency, previousUrgency == null ? null : urgency);
    }

    public boolean isDowngrade() {
        return !removedRoutes.isEmpty() || previousUrgency != null;
    }

    /** Folds in a downgrade not yet decided on: what was removed then and is still absent now stays removed. */
    Downgrade mergedWith(Downgrade pending, Collection<Route> currentRoutes, Urgency currentUrgency) {
        if (!pending.isDowngrade()) {
            return this;
        }
        Set<Route> removed = EnumSet.noneOf(Route.class);
        removed.addAll(removedRoutes);
        removed.addAll(pending.removedRoutes());
        removed.removeAll(currentRoutes);
        Urgency before = Urgency.highest(previousUrgency, pending.previousUrgency());
        boolean lowered = before != null && currentUrgency != null && currentUrgency.ordinal() > before.ordinal();
        return new Downgrade(List.copyOf(removed), lowered ? before : null, lowered ? currentUrgency : null);
    }

    String removedRoutesText() {
        return removedRoutes.stream().map(Route::name).collect(Collectors.joining(","));
    }
}
