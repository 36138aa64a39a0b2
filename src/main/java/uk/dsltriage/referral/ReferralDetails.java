package uk.dsltriage.referral;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A referral with the child identified: for the referring school's DSL and the addressed local authority only
 * (callers establish that before building one).
 */
public record ReferralDetails(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt, Urgency urgency,
        Instant acknowledgementDueBy, String childRef, ChildIdentity child, ReferralContent form) {
}
