package uk.dsltriage.viewing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.viewing.AccidentalViewing;
import uk.dsltriage.viewing.AccidentalViewing.How;

/**
 * A member of staff saw an image by accident (UKCIS: record the fact only; report to the DSL; seek support). There is
 * deliberately no free-text field: the image is never described.
 */
@Schema(name = "AccidentalViewingRequest")
public record AccidentalViewingRequest(
        @NotNull @PastOrPresent OffsetDateTime viewedAt,
        @NotNull How how,
        @Schema(description = "The DSL has been told") Boolean reportedToDsl,
        @Schema(description = "Support has been offered to the member of staff") Boolean supportOffered) {

    AccidentalViewing toDomain() {
        return new AccidentalViewing(viewedAt, how, reportedToDsl, supportOffered);
    }

    static AccidentalViewingRequest of(AccidentalViewing v) {
        return new AccidentalViewingRequest(v.viewedAt(), v.how(), v.reportedToDsl(), v.supportOffered());
    }
}
