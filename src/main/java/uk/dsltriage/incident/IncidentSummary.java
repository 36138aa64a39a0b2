package uk.dsltriage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * A list entry: no narrative, no participants; {@code urgency} is the latest recommendation's (null before one),
 * {@code words} those of the rule set it was made under.
 */
public record IncidentSummary(UUID id, IncidentStatus status, List<IncidentType> incidentTypes, Instant occurredAt,
        Instant recordedAt, String recordedBy, Location location, String urgency, RuleSetWords words) {
}
