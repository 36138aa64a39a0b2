package uk.dsltriage.review;

/** OPEN, OVERDUE (open and past due, computed from the clock, never stored) or DONE. */
public enum TaskStatus {
    OPEN, OVERDUE, DONE
}
