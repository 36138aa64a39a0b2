package uk.dsltriage.referral;

import java.util.List;
import java.util.UUID;

/** A referral as its school sees it: what was sent, whether it was acknowledged, and every outcome since. */
public record SentReferral(UUID incidentId, String sentBy, ReferralDetails referral, Acknowledgement acknowledgement,
        boolean acknowledgementOverdue, List<Outcome> outcomes) {
}
