package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import uk.dsltriage.common.WireLimits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;

/** The non-identifying part of a referral as sent; the child's identity and household are kept apart, encrypted. */
public record ReferralForm(ReferrerBody referrer, boolean phoneReferralMade, OffsetDateTime phoneReferralAt,
        ConsentBody consent, boolean parentsInformed, ParentsNotInformedReason parentsNotInformedReason,
        @Schema(maxLength = 32) String participantRef, @Schema(maxItems = 20) List<ProfessionalBody> professionals, ConcernsBody concerns,
        RecommendationSummaryView recommendation, @Schema(maxLength = WireLimits.SHORT_TEXT) String decisionRationale, @Schema(minimum = "1", maximum = "4") Integer thresholdLevel) {

    public static ReferralForm of(ReferralContent f) {
        return new ReferralForm(f.referrer() == null ? null : ReferrerBody.of(f.referrer()), f.phoneReferralMade(),
                f.phoneReferralAt(), f.consent() == null ? null : ConsentBody.of(f.consent()), f.parentsInformed(),
                f.parentsNotInformedReason(), f.participantRef(),
                f.professionals() == null ? null : f.professionals().stream().map(ProfessionalBody::of).toList(),
                f.concerns() == null ? null : ConcernsBody.of(f.concerns()),
                f.recommendation() == null ? null : RecommendationSummaryView.of(f.recommendation()), f.decisionRationale(),
                f.thresholdLevel());
    }
}
