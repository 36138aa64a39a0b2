package uk.dsltriage.incident.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentPage")
public record PageView(List<IncidentSummaryView> items, int page, int size, long totalItems, int totalPages) {
}
