package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;

/** A person involved in an incident, by pseudonymous reference only. */
public record Participant(String ref, ParticipantRole role, Integer ageYears, Boolean isPupilOfSetting,
        Boolean isStaffOrVolunteer, StaffRole staffRole, Boolean hasSEND, Boolean consentCapacityConcern,
        Boolean prepubescent, Boolean hasSocialWorker, Boolean childProtectionPlan, Boolean lookedAfter,
        Boolean depictedInImage) {
}
