package uk.dsltriage.viewing.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.viewing.ViewingRecord;

@Schema(name = "ViewingRecord")
public record ViewingRecordView(UUID id, UUID incidentId, ViewingRecord.Kind kind, String recordedBy, Instant recordedAt,
        Instant viewedAt, @Schema(type = SchemaType.OBJECT, description = "The request as recorded") JsonNode details) {
}
