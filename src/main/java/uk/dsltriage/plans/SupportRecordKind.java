package uk.dsltriage.plans;

/** What a child's support record is. Stored by name: never rename one. */
public enum SupportRecordKind {
    ASSESSMENT, SAFETY_PLAN
}
