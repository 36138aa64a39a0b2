package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Another professional involved with the child or family. */
public record ProfessionalBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String role,
        @Size(max = 200) String agency, @Size(max = 320) String contact) {

    public static ProfessionalBody of(ReferralContent.Professional p) {
        return new ProfessionalBody(p.name(), p.role(), p.agency(), p.contact());
    }

    ReferralContent.Professional toDomain() {
        return new ReferralContent.Professional(name, role, agency, contact);
    }
}
