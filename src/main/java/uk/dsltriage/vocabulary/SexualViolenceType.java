package uk.dsltriage.vocabulary;

/** KCSIE Part 5 sexual violence categories. */
public enum SexualViolenceType {
    RAPE,
    ASSAULT_BY_PENETRATION,
    SEXUAL_ASSAULT,
    CAUSING_SEXUAL_ACTIVITY_WITHOUT_CONSENT,
    NONE
}
