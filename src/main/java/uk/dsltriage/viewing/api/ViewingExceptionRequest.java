package uk.dsltriage.viewing.api;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.viewing.ViewingException;
import uk.dsltriage.viewing.ViewingException.Reason;
import uk.dsltriage.viewing.ViewingException.SecondStaffRole;
import uk.dsltriage.viewing.ViewingException.ViewerRole;

/**
 * A DSL's record that they viewed an image under the UKCIS exception. Every safeguard must be present; the record is
 * refused, listing what is missing, rather than stored non-compliant. No field describes the image.
 */
@Schema(name = "ViewingExceptionRequest")
public record ViewingExceptionRequest(
        @PastOrPresent OffsetDateTime viewedAt,
        ViewerRole viewerRole,
        @Schema(description = "One of the three reasons the guidance allows") Reason reason,
        @Schema(description = "Must be true: the headteacher was consulted before viewing") Boolean headteacherConsulted,
        @Schema(description = "Must be true: another member of staff (ideally the head or SLT) was present; they do not view") Boolean secondStaffPresent,
        SecondStaffRole secondStaffRole,
        @Schema(description = "The viewer is the same sex as the child in the image") Boolean sameSexAsChild,
        @Size(max = 500) @Schema(description = "Required when sameSexAsChild is false: why it was not possible", maxLength = 500) String notSameSexReason,
        @Schema(description = "Viewed on the school premises") Boolean onPremises,
        @Schema(description = "Must be true: no copy was made, printed, shared, stored or saved") Boolean noCopyMade,
        @Schema(description = "Must be false: viewing would not cause significant distress or harm to any child") Boolean wouldCauseSignificantDistress,
        @Size(max = 120) @Schema(description = "Who signed the record (role and name as on the paper record)", maxLength = 120) String signedBy,
        @PastOrPresent @Schema(description = "When it was signed") OffsetDateTime signedAt) {

    ViewingException toDomain() {
        return new ViewingException(viewedAt, viewerRole, reason, headteacherConsulted, secondStaffPresent, secondStaffRole,
                sameSexAsChild, notSameSexReason, onPremises, noCopyMade, wouldCauseSignificantDistress, signedBy, signedAt);
    }

    static ViewingExceptionRequest of(ViewingException v) {
        return new ViewingExceptionRequest(v.viewedAt(), v.viewerRole(), v.reason(), v.headteacherConsulted(),
                v.secondStaffPresent(), v.secondStaffRole(), v.sameSexAsChild(), v.notSameSexReason(), v.onPremises(),
                v.noCopyMade(), v.wouldCauseSignificantDistress(), v.signedBy(), v.signedAt());
    }
}
