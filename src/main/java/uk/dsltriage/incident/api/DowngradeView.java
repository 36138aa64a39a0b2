package uk.dsltriage.incident.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.Downgrade;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

@Schema(name = "Downgrade", description = "What a newer recommendation removed: routes it no longer lists and/or a lower urgency. It cancels nothing; a DSL must decide again.")
public record DowngradeView(@Schema(maxItems = WireLimits.CODES) List<Route> removedRoutes, Urgency previousUrgency, Urgency urgency) {

    public static DowngradeView of(Downgrade downgrade) {
        return downgrade == null || !downgrade.isDowngrade() ? null
                : new DowngradeView(downgrade.removedRoutes(), downgrade.previousUrgency(), downgrade.urgency());
    }
}
