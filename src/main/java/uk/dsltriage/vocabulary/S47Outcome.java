package uk.dsltriage.vocabulary;

/** The outcome of a section 47 enquiry (vocabulary: {@code s47Outcome}). */
public enum S47Outcome {
    ICPC,
    OTHER_AGENCY_TO_MONITOR,
    NFA,
    LEGAL_ACTION,
    S17_SERVICES,
    SHORT_BREAKS,
    OTHER
}
