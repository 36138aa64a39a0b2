package uk.dsltriage.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who makes the referral and how the local authority reaches them. */
public record ReferrerBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String role,
        @Size(max = 200) String agency, @Size(max = 50) String phone, @Size(max = 320) String email) {
}
