package uk.dsltriage.referral.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
/** A re-wrap run: the master key now wrapping, how many data keys this run re-wrapped, how many still need it. */
public record RotationView(@Schema(maxLength = WireLimits.CODE) String masterKeyId, @Schema(minimum = "0", maximum = "2147483647") int rewrapped, @Schema(minimum = "0", maximum = "9223372036854775807") long remaining) {
}
