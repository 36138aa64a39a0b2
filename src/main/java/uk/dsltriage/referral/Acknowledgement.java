package uk.dsltriage.referral;

import java.time.Instant;
import java.util.UUID;

/** That the authority received the referral, when, and its reference: the first acknowledgement, always. */
public record Acknowledgement(UUID referralId, Instant acknowledgedAt, String laReference) {
}
