package uk.dsltriage.incident;

/** Where a case is on its way to a DSL decision. */
public enum IncidentStatus {
    /** Recorded by staff, with a recommendation; the DSL has not yet acted. */
    AWAITING_DSL_REVIEW,
    /** A DSL has opened the review. */
    IN_REVIEW,
    /** The DSL has recorded a decision with reasons. */
    DECIDED,
    /** Closed by a DSL; the record is kept. */
    CLOSED
}
