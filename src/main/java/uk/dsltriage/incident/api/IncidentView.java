package uk.dsltriage.incident.api;

import uk.dsltriage.incident.IncidentDetails;
import uk.dsltriage.incident.ImageMetadataBody;
import uk.dsltriage.common.WireLimits;
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
        ImageMetadataBody imageMetadata,
        @Schema(maxItems = WireLimits.UNPAGED_LIST) List<AddendumView> addenda,
        @Schema(description = "The latest recommendation; earlier ones are at /recommendations") RecommendationView recommendation,
        @Schema(description = "For DSLs and headteachers reading the incident: each child the recommendation asks to be assessed and supported, with their assessment and safety plan or what is missing. Absent for staff.", maxItems = 100)
        List<ChildSupportView> childrenSupport) {

    /** An incident as the service returns it, before the support links are added for a DSL or headteacher. */
    public IncidentView(UUID id, String schoolUrn, IncidentStatus status, String recordedBy, Instant recordedAt,
            Instant occurredAt, Location location, String account, String childVoice, TriageFactsBody facts,
            TriageFactsBody currentFacts, ImageMetadataBody imageMetadata, List<AddendumView> addenda,
            RecommendationView recommendation) {
        this(id, schoolUrn, status, recordedBy, recordedAt, occurredAt, location, account, childVoice, facts, currentFacts,
                imageMetadata, addenda, recommendation, null);
    }

    public IncidentView withChildrenSupport(List<ChildSupportView> support) {
        return new IncidentView(id, schoolUrn, status, recordedBy, recordedAt, occurredAt, location, account, childVoice, facts,
                currentFacts, imageMetadata, addenda, recommendation, support);
    }

    public static IncidentView of(IncidentDetails i) {
        return new IncidentView(i.id(), i.schoolUrn(), i.status(), i.recordedBy(), i.recordedAt(), i.occurredAt(),
                i.location(), i.account(), i.childVoice(), i.facts(), i.currentFacts(), i.imageMetadata(),
                i.addenda().stream().map(AddendumView::of).toList(), RecommendationView.of(i.recommendation()));
    }
}
