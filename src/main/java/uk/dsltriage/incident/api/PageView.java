package uk.dsltriage.incident.api;

import uk.dsltriage.incident.IncidentPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentPage")
public record PageView(List<IncidentSummaryView> items, int page, int size, long totalItems, int totalPages) {

    public static PageView of(IncidentPage p) {
        return new PageView(p.items().stream().map(IncidentSummaryView::of).toList(), p.page(), p.size(),
                p.totalItems(), p.totalPages());
    }
}
