package uk.dsltriage.vocabulary;

/** Role of a participant who works in or for the setting. */
public enum StaffRole {
    TEACHER,
    SUPPLY,
    VOLUNTEER,
    CONTRACTOR,
    HEADTEACHER,
    GOVERNOR,
    OTHER
}
