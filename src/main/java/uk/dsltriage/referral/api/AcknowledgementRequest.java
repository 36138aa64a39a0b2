package uk.dsltriage.referral.api;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

/** The authority's own reference for the case, if it has one yet. */
public record AcknowledgementRequest(
        @Pattern(regexp = "^[A-Za-z0-9._/-]{1,64}$", message = "must be 1-64 characters of A-Z a-z 0-9 . _ / -") @Size(max = 64) String laReference) {
}
