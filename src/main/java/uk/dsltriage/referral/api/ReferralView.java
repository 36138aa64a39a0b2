package uk.dsltriage.referral.api;

import uk.dsltriage.referral.SentReferral;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.util.List;
import java.util.UUID;

/** A referral as the school's DSL sees it: what was sent, whether it was acknowledged, and every outcome since. */
public record ReferralView(UUID incidentId, @Schema(maxLength = WireLimits.ACTOR) String sentBy, ReferralDocument referral, AcknowledgementView acknowledgement,
        boolean acknowledgementOverdue, @Schema(maxItems = WireLimits.UNPAGED_LIST) List<OutcomeView> outcomes) {

    public static ReferralView of(SentReferral r) {
        return new ReferralView(r.incidentId(), r.sentBy(), ReferralDocument.of(r.referral()),
                AcknowledgementView.of(r.acknowledgement()), r.acknowledgementOverdue(),
                r.outcomes().stream().map(OutcomeView::of).toList());
    }
}
