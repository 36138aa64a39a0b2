package uk.dsltriage.incident.api;

import uk.dsltriage.incident.IncidentSummary;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.Location;
import uk.dsltriage.vocabulary.IncidentType;

@Schema(name = "IncidentSummary", description = "A list entry: no narrative, no participants")
public record IncidentSummaryView(UUID id, IncidentStatus status, @Schema(maxItems = 12) List<IncidentType> incidentTypes, Instant occurredAt,
        Instant recordedAt, @Schema(maxLength = WireLimits.ACTOR) String recordedBy, Location location, @Schema(maxLength = WireLimits.CODE) String urgency) {

    static IncidentSummaryView of(IncidentSummary s) {
        return new IncidentSummaryView(s.id(), s.status(), s.incidentTypes(), s.occurredAt(), s.recordedAt(),
                s.recordedBy(), s.location(), s.urgency());
    }
}
