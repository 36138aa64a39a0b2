package uk.dsltriage.referral.api;

import java.time.Instant;
import java.util.UUID;

/** That the authority received the referral, when, and its reference: the first acknowledgement, always. */
public record AcknowledgementView(UUID referralId, Instant acknowledgedAt, String laReference) {
}
