package uk.dsltriage.incident.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.Location;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.triage.api.TriageFactsBody;

@Schema(name = "Incident", description = "An incident as recorded, with its addenda and its current recommendation")
public record IncidentView(
        UUID id,
        @Schema(maxLength = WireLimits.SCHOOL_URN) String schoolUrn,
        IncidentStatus status,
        @Schema(maxLength = WireLimits.ACTOR) String recordedBy,
        Instant recordedAt,
        Instant occurredAt,
        Location location,
        @Schema(maxLength = WireLimits.LONG_TEXT) String account,
        @Schema(maxLength = WireLimits.SHORT_TEXT) String childVoice,
        @Schema(description = "The facts as first recorded") TriageFactsBody facts,
        @Schema(description = "The facts in force: the latest revision, or the original") TriageFactsBody currentFacts,
        uk.dsltriage.incident.api.ImageMetadataBody imageMetadata,
        @Schema(maxItems = WireLimits.UNPAGED_LIST) List<AddendumView> addenda,
        @Schema(description = "The latest recommendation; earlier ones are at /recommendations") RecommendationView recommendation) {
}
