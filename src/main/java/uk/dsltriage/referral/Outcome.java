package uk.dsltriage.referral;

import java.time.Instant;
import uk.dsltriage.vocabulary.ContactOutcome;
import uk.dsltriage.vocabulary.ReferralOutcome;
import uk.dsltriage.vocabulary.S47Outcome;

/** One recorded decision of the authority, numbered in the order received. */
public record Outcome(int sequence, ContactOutcome contactOutcome, ReferralOutcome referralOutcome, S47Outcome s47Outcome,
        Instant decidedAt, Instant recordedAt) {
}
