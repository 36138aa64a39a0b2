package uk.dsltriage.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Another professional involved with the child or family. */
public record ProfessionalBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String role,
        @Size(max = 200) String agency, @Size(max = 320) String contact) {
}
