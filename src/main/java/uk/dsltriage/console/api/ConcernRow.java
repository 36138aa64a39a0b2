package uk.dsltriage.console.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.incident.IncidentSummary;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A line of the concerns list: what the API's summary holds (no narrative, no people) with its codes labelled, the
 * urgency in the words of the rule set of the recommendation it comes from.
 */
public record ConcernRow(UUID id, Instant occurredAt, Instant recordedAt, List<CodeLabel> incidentTypes, CodeLabel status,
        CodeLabel urgency) {

    static ConcernRow of(IncidentSummary summary) {
        CodeLabel urgency = Arrays.stream(Urgency.values()).filter(u -> u.name().equals(summary.urgency())).findFirst()
                .map(u -> CodeLabel.of(u, summary.words())).orElseGet(() -> CodeLabel.of(summary.urgency()));
        return new ConcernRow(summary.id(), summary.occurredAt(), summary.recordedAt(),
                CodeLabel.all(summary.incidentTypes()), CodeLabel.of(summary.status()), urgency);
    }
}
