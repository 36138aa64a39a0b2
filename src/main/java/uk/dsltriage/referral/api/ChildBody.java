package uk.dsltriage.referral.api;

import uk.dsltriage.referral.SendReferral;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The child referred. {@code ref} is the school's pseudonymous reference for this child, stable across incidents
 * (not an incident's participant reference such as P1, which is given as {@code participantRef}); the identity kept
 * under it is the latest the school sent. Everything but the references is stored encrypted.
 */
public record ChildBody(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "must be 1-64 characters of A-Z a-z 0-9 . _ -") @Size(max = 64) String ref,
        @Pattern(regexp = "^[A-Za-z0-9._-]{1,32}$", message = "must be 1-32 characters of A-Z a-z 0-9 . _ -") @Size(max = 32) String participantRef,
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull LocalDate dateOfBirth,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> aliases,
        @Size(max = 50) String gender,
        @Size(max = 100) String ethnicity,
        @Size(max = 100) String language,
        @Size(max = 500) String address,
        @Pattern(regexp = "^[A-HJ-NP-Z][0-9]{11}[0-9A-HJ-NP-Z]$", message = "must be a 13-character unique pupil number") @Size(max = 13) String upn,
        @Pattern(regexp = "^[0-9]{10}$", message = "must be a 10-digit NHS number") @Size(max = 10) String nhsNumber,
        @Size(max = 20) List<@NotNull @Valid HouseholdMemberBody> household) {

    SendReferral.Child toDomain() {
        return new SendReferral.Child(ref, participantRef, givenName, familyName, dateOfBirth, aliases, gender, ethnicity,
                language, address, upn, nhsNumber,
                household == null ? null : household.stream().map(HouseholdMemberBody::toDomain).toList());
    }
}
