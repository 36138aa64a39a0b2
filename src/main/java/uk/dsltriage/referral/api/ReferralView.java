package uk.dsltriage.referral.api;

import java.util.List;
import java.util.UUID;

/** A referral as the school's DSL sees it: what was sent, whether it was acknowledged, and every outcome since. */
public record ReferralView(UUID incidentId, String sentBy, ReferralDocument referral, AcknowledgementView acknowledgement,
        boolean acknowledgementOverdue, List<OutcomeView> outcomes) {
}
