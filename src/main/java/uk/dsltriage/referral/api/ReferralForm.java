package uk.dsltriage.referral.api;

import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;

/** The non-identifying part of a referral as sent; the child's identity and household are kept apart, encrypted. */
public record ReferralForm(ReferrerBody referrer, boolean phoneReferralMade, OffsetDateTime phoneReferralAt,
        ConsentBody consent, boolean parentsInformed, ParentsNotInformedReason parentsNotInformedReason,
        String participantRef, List<ProfessionalBody> professionals, ConcernsBody concerns,
        RecommendationSummaryView recommendation, String decisionRationale, Integer thresholdLevel) {
}
