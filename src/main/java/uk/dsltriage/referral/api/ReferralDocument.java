package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/** A referral as the local authority receives it: what it needs to act, nothing of the school's internals. */
public record ReferralDocument(UUID id, ReferralKind kind, @Schema(maxLength = WireLimits.LA_CODE) String laCode, @Schema(maxLength = WireLimits.SCHOOL_URN) String schoolUrn, Instant sentAt,
        Urgency urgency, Instant acknowledgementDueBy, ChildView child, ReferralForm form) {

    public static ReferralDocument of(ReferralDetails r) {
        return new ReferralDocument(r.id(), r.kind(), r.laCode(), r.schoolUrn(), r.sentAt(), r.urgency(),
                r.acknowledgementDueBy(), ChildView.of(r.childRef(), r.child()), ReferralForm.of(r.form()));
    }
}
