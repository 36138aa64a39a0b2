package uk.dsltriage.referral.api;

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
}
