package uk.dsltriage.viewing;

import java.time.Instant;
import java.util.UUID;

/** A stored viewing record, as the service returns it. */
public record RecordedViewing(UUID id, UUID incidentId, String recordedBy, Instant recordedAt, Instant viewedAt,
        ViewingDetails details) {

    public ViewingRecord.Kind kind() {
        return details.kind();
    }
}
