package uk.dsltriage.referral.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Consent to share: whether obtained, from whom, or why not (consent is not needed where harm is significant). */
public record ConsentBody(@NotNull Boolean consentToShareObtained, @Size(max = 200) String consentGivenBy,
        @Size(max = 2000) String consentNotObtainedReason) {
}
