package uk.dsltriage.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.triage.RecordedRecommendation;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * An incident as read back: the record, the facts as first recorded and as in force now, its addenda (oldest first)
 * and its latest recommendation (null before the first).
 */
public record IncidentDetails(UUID id, String schoolUrn, IncidentStatus status, String recordedBy, Instant recordedAt,
        Instant occurredAt, Location location, String account, String childVoice, TriageFactsBody facts,
        TriageFactsBody currentFacts, ImageMetadataBody imageMetadata, List<AddendumDetails> addenda,
        RecordedRecommendation recommendation) {
}
