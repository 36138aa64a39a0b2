package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Consent to share: whether obtained, from whom, or why not (consent is not needed where harm is significant). */
public record ConsentBody(@NotNull Boolean consentToShareObtained, @Size(max = 200) String consentGivenBy,
        @Size(max = 2000) String consentNotObtainedReason) {

    public static ConsentBody of(ReferralContent.Consent c) {
        return new ConsentBody(c.consentToShareObtained(), c.consentGivenBy(), c.consentNotObtainedReason());
    }

    ReferralContent.Consent toDomain() {
        return new ReferralContent.Consent(consentToShareObtained, consentGivenBy, consentNotObtainedReason);
    }
}
