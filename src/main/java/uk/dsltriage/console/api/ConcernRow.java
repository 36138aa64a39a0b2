package uk.dsltriage.console.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.incident.api.IncidentSummaryView;
import uk.dsltriage.review.api.CodeLabel;

/** A line of the concerns list: the API's summary (no narrative, no people) with its codes labelled. */
public record ConcernRow(UUID id, Instant occurredAt, Instant recordedAt, List<CodeLabel> incidentTypes, CodeLabel status,
        CodeLabel urgency) {

    static ConcernRow of(IncidentSummaryView summary) {
        return new ConcernRow(summary.id(), summary.occurredAt(), summary.recordedAt(),
                CodeLabel.all(summary.incidentTypes()), CodeLabel.of(summary.status()), CodeLabel.of(summary.urgency()));
    }
}
