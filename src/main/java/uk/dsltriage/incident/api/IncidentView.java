package uk.dsltriage.incident.api;

import uk.dsltriage.incident.IncidentDetails;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.Location;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.triage.facts.TriageFactsBody;

@Schema(name = "Incident", description = "An incident as recorded, with its addenda and its current recommendation")
public record IncidentView(
        UUID id,
        String schoolUrn,
        IncidentStatus status,
        String recordedBy,
        Instant recordedAt,
        Instant occurredAt,
        Location location,
        String account,
        String childVoice,
        @Schema(description = "The facts as first recorded") TriageFactsBody facts,
        @Schema(description = "The facts in force: the latest revision, or the original") TriageFactsBody currentFacts,
        uk.dsltriage.incident.ImageMetadataBody imageMetadata,
        List<AddendumView> addenda,
        @Schema(description = "The latest recommendation; earlier ones are at /recommendations") RecommendationView recommendation) {

    public static IncidentView of(IncidentDetails i) {
        return new IncidentView(i.id(), i.schoolUrn(), i.status(), i.recordedBy(), i.recordedAt(), i.occurredAt(),
                i.location(), i.account(), i.childVoice(), i.facts(), i.currentFacts(), i.imageMetadata(),
                i.addenda().stream().map(AddendumView::of).toList(), RecommendationView.of(i.recommendation()));
    }
}
