package uk.dsltriage.referral;

import java.time.OffsetDateTime;
import uk.dsltriage.vocabulary.ContactOutcome;
import uk.dsltriage.vocabulary.ReferralOutcome;
import uk.dsltriage.vocabulary.S47Outcome;

/** A decision of the authority's front door, at one or more stages; {@code decidedAt} absent means now. */
public record RecordOutcome(ContactOutcome contactOutcome, ReferralOutcome referralOutcome, S47Outcome s47Outcome,
        OffsetDateTime decidedAt) {
}
