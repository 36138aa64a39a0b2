package uk.dsltriage.triage.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;

@Schema(name = "Participant", description = "A person involved, by a local pseudonymous reference: never a name.")
public record ParticipantBody(
        @NotNull @Pattern(regexp = PSEUDONYM, message = "must be a pseudonymous reference such as P1 or C12, never a name")
        @Schema(examples = "P1", maxLength = 12) String ref,
        @NotNull ParticipantRole role,
        @Min(0) @Max(120) Integer ageYears,
        Boolean isPupilOfSetting,
        Boolean isStaffOrVolunteer,
        StaffRole staffRole,
        Boolean hasSEND,
        Boolean consentCapacityConcern,
        Boolean prepubescent,
        Boolean hasSocialWorker,
        Boolean childProtectionPlan,
        Boolean lookedAfter,
        Boolean depictedInImage) {

    /** Letters then digits (P1, C12, S3, STAFF1): a reference that cannot be a bare name. */
    public static final String PSEUDONYM = "^[A-Za-z]{0,6}[0-9]{1,6}$";
}
