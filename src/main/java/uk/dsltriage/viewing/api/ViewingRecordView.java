package uk.dsltriage.viewing.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.viewing.AccidentalViewing;
import uk.dsltriage.viewing.RecordedViewing;
import uk.dsltriage.viewing.ViewingException;
import uk.dsltriage.viewing.ViewingRecord;

@Schema(name = "ViewingRecord")
public record ViewingRecordView(UUID id, UUID incidentId, ViewingRecord.Kind kind, @Schema(maxLength = WireLimits.ACTOR) String recordedBy, Instant recordedAt,
        Instant viewedAt, @Schema(type = SchemaType.OBJECT, description = "The request as recorded") Object details) {

    static ViewingRecordView of(RecordedViewing r) {
        Object details = r.details() instanceof AccidentalViewing a
                ? AccidentalViewingRequest.of(a)
                : ViewingExceptionRequest.of((ViewingException) r.details());
        return new ViewingRecordView(r.id(), r.incidentId(), r.kind(), r.recordedBy(), r.recordedAt(), r.viewedAt(), details);
    }
}
