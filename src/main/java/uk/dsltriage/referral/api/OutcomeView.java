package uk.dsltriage.referral.api;

import uk.dsltriage.referral.Outcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import uk.dsltriage.vocabulary.ContactOutcome;
import uk.dsltriage.vocabulary.ReferralOutcome;
import uk.dsltriage.vocabulary.S47Outcome;

/** One recorded decision of the authority, numbered in the order received. */
public record OutcomeView(@Schema(minimum = "1", maximum = "2147483647") int sequence, ContactOutcome contactOutcome, ReferralOutcome referralOutcome,
        S47Outcome s47Outcome, Instant decidedAt, Instant recordedAt) {

    public static OutcomeView of(Outcome o) {
        return new OutcomeView(o.sequence(), o.contactOutcome(), o.referralOutcome(), o.s47Outcome(), o.decidedAt(),
                o.recordedAt());
    }
}
