package uk.dsltriage.triage.rules;

/** A person involved in an incident, by pseudonymous reference only. */
public record Participant(String ref, ParticipantRole role, Integer ageYears, Boolean isPupilOfSetting,
        Boolean isStaffOrVolunteer, StaffRole staffRole, Boolean hasSEND, Boolean consentCapacityConcern,
        Boolean prepubescent, Boolean hasSocialWorker, Boolean childProtectionPlan, Boolean lookedAfter,
        Boolean depictedInImage) {
}
