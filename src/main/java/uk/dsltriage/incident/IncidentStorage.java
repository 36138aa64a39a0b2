package uk.dsltriage.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.StoredRecords.Stored;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * Writes and reads what an incident stores as JSON (its facts, each addendum's revised facts, its image metadata) as
 * versioned storage records, read strictly ({@link StoredRecords}); rows written before storage versions are read by
 * their own shape (format 1), so every stored incident stays readable and replays as it did.
 */
@ApplicationScoped
public class IncidentStorage {

    static final String FACTS = "incident.facts";
    static final String REVISED_FACTS = "incident_addendum.revised_facts";
    static final String IMAGE_METADATA = "incident.image_metadata";

    private final StoredRecords records;

    public IncidentStorage(StoredRecords records) {
        this.records = records;
    }

    public String writeFacts(TriageFactsBody facts) {
        return records.write(StoredIncidentFacts.of(facts));
    }

    /** The facts of the incident ({@link #FACTS}) or of the addendum ({@link #REVISED_FACTS}) with this id. */
    public TriageFactsBody readFacts(String column, UUID rowId, String json) {
        return StoredRecords.ofRow(column, rowId, () -> {
            Stored stored = records.parse(column, json);
            return records.read(stored, StoredIncidentFacts.VERSION, StoredIncidentFacts.class,
                    before -> records.readUnversioned(before, StoredIncidentFacts.FormatOne.class).upgrade()).toFacts();
        });
    }

    /** Null for no metadata. */
    public String writeImageMetadata(ImageMetadataBody metadata) {
        return metadata == null ? null : records.write(StoredImageMetadata.of(metadata));
    }

    /** Null when the incident has none. */
    public ImageMetadataBody readImageMetadata(UUID incidentId, String json) {
        if (json == null) {
            return null;
        }
        return StoredRecords.ofRow(IMAGE_METADATA, incidentId, () -> {
            Stored stored = records.parse(IMAGE_METADATA, json);
            return records.read(stored, StoredImageMetadata.VERSION, StoredImageMetadata.class,
                    before -> records.readUnversionedAsCurrent(before, StoredImageMetadata.class)).toMetadata();
        });
    }
}
