package uk.dsltriage.referral.api;

import uk.dsltriage.referral.Acknowledgement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;

/** That the authority received the referral, when, and its reference: the first acknowledgement, always. */
public record AcknowledgementView(UUID referralId, Instant acknowledgedAt, @Schema(maxLength = WireLimits.CODE) String laReference) {

    /** Null when the referral has not been acknowledged yet. */
    public static AcknowledgementView of(Acknowledgement a) {
        return a == null ? null : new AcknowledgementView(a.referralId(), a.acknowledgedAt(), a.laReference());
    }
}
