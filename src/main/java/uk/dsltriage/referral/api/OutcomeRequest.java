package uk.dsltriage.referral.api;

import uk.dsltriage.referral.RecordOutcome;
import java.time.OffsetDateTime;
import uk.dsltriage.vocabulary.ContactOutcome;
import uk.dsltriage.vocabulary.ReferralOutcome;
import uk.dsltriage.vocabulary.S47Outcome;

/** A decision of the authority's front door, at one or more stages; at least one stage is required. */
public record OutcomeRequest(ContactOutcome contactOutcome, ReferralOutcome referralOutcome, S47Outcome s47Outcome,
        OffsetDateTime decidedAt) {

    public RecordOutcome toCommand() {
        return new RecordOutcome(contactOutcome, referralOutcome, s47Outcome, decidedAt);
    }
}
