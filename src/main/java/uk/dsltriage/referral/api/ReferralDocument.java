package uk.dsltriage.referral.api;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/** A referral as the local authority receives it: what it needs to act, nothing of the school's internals. */
public record ReferralDocument(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt,
        Urgency urgency, Instant acknowledgementDueBy, ChildView child, ReferralForm form) {
}
