package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who makes the referral and how the local authority reaches them. */
public record ReferrerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String role,
        @Size(max = 200) String agency, @Size(max = 50) String phone, @Size(max = 320) String email) {

    public static ReferrerBody of(ReferralContent.Referrer r) {
        return new ReferrerBody(r.name(), r.role(), r.agency(), r.phone(), r.email());
    }

    ReferralContent.Referrer toDomain() {
        return new ReferralContent.Referrer(name, role, agency, phone, email);
    }
}
