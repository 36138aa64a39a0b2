package uk.dsltriage.rules;

/** The participant booleans a participant condition may test. */
public enum ParticipantAttribute {
    IS_PUPIL_OF_SETTING("isPupilOfSetting"),
    IS_STAFF_OR_VOLUNTEER("isStaffOrVolunteer"),
    HAS_SEND("hasSEND"),
    CONSENT_CAPACITY_CONCERN("consentCapacityConcern"),
    PREPUBESCENT("prepubescent"),
    HAS_SOCIAL_WORKER("hasSocialWorker"),
    CHILD_PROTECTION_PLAN("childProtectionPlan"),
    LOOKED_AFTER("lookedAfter"),
    DEPICTED_IN_IMAGE("depictedInImage");

    private final String jsonName;

    ParticipantAttribute(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public Boolean valueOf(Participant p) {
        // A switch, not a getter function per constant: one call site through nine functions is a dispatch each time.
        return switch (this) {
            case IS_PUPIL_OF_SETTING -> p.isPupilOfSetting();
            case IS_STAFF_OR_VOLUNTEER -> p.isStaffOrVolunteer();
            case HAS_SEND -> p.hasSEND();
            case CONSENT_CAPACITY_CONCERN -> p.consentCapacityConcern();
            case PREPUBESCENT -> p.prepubescent();
            case HAS_SOCIAL_WORKER -> p.hasSocialWorker();
            case CHILD_PROTECTION_PLAN -> p.childProtectionPlan();
            case LOOKED_AFTER -> p.lookedAfter();
            case DEPICTED_IN_IMAGE -> p.depictedInImage();
        };
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
