package uk.dsltriage.incident.api;

import uk.dsltriage.incident.IncidentPage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentPage")
public record PageView(@Schema(maxItems = 100) List<IncidentSummaryView> items, @Schema(minimum = "0", maximum = "100000") int page, @Schema(minimum = "1", maximum = "100") int size, @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems, @Schema(minimum = "0", maximum = "2147483647") int totalPages) {

    public static PageView of(IncidentPage p) {
        return new PageView(p.items().stream().map(IncidentSummaryView::of).toList(), p.page(), p.size(),
                p.totalItems(), p.totalPages());
    }
}
