package uk.dsltriage.audit.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.audit.Verification;

@Schema(name = "AuditVerification", description = "The result of recomputing the caller's chain")
public record VerificationView(
        boolean valid,
        @Schema(minimum = "0", maximum = "9223372036854775807", description = "Events checked") long checked,
        @Schema(minimum = "1", maximum = "9223372036854775807", description = "The first event whose position, hash or link does not hold; absent when valid") Long firstBrokenEventId,
        @Schema(maxLength = 24) String chain) {

    static VerificationView of(Verification v) {
        return new VerificationView(v.valid(), v.checked(), v.firstBrokenEventId(), v.chain());
    }
}
