package uk.dsltriage.rules;

import java.util.function.Function;

/** The participant booleans a participant condition may test. */
public enum ParticipantAttribute {
    IS_PUPIL_OF_SETTING("isPupilOfSetting", Participant::isPupilOfSetting),
    IS_STAFF_OR_VOLUNTEER("isStaffOrVolunteer", Participant::isStaffOrVolunteer),
    HAS_SEND("hasSEND", Participant::hasSEND),
    CONSENT_CAPACITY_CONCERN("consentCapacityConcern", Participant::consentCapacityConcern),
    PREPUBESCENT("prepubescent", Participant::prepubescent),
    HAS_SOCIAL_WORKER("hasSocialWorker", Participant::hasSocialWorker),
    CHILD_PROTECTION_PLAN("childProtectionPlan", Participant::childProtectionPlan),
    LOOKED_AFTER("lookedAfter", Participant::lookedAfter),
    DEPICTED_IN_IMAGE("depictedInImage", Participant::depictedInImage);

    private final String jsonName;
    private final Function<Participant, Boolean> getter;

    ParticipantAttribute(String jsonName, Function<Participant, Boolean> getter) {
        this.jsonName = jsonName;
        this.getter = getter;
    }

    public String jsonName() {
        return jsonName;
    }

    public Boolean valueOf(Participant p) {
        return getter.apply(p);
    }

    public static ParticipantAttribute fromJsonName(String name) {
        for (ParticipantAttribute a : values()) {
            if (a.jsonName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown participant attribute");
    }
}
