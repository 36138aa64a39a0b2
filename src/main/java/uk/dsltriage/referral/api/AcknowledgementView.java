package uk.dsltriage.referral.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;

/** That the authority received the referral, when, and its reference: the first acknowledgement, always. */
public record AcknowledgementView(UUID referralId, Instant acknowledgedAt, @Schema(maxLength = WireLimits.CODE) String laReference) {
}
