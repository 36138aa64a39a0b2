package uk.dsltriage.rules;

/** Whether a cited source is statutory (Acts, KCSIE, Working Together) or advice. */
public enum CitationStatus {
    STATUTORY,
    NON_STATUTORY
}
