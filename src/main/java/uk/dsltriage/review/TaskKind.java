package uk.dsltriage.review;

/** A route of the decision, one of its required actions, or the review of a decision that referred nobody. */
public enum TaskKind {
    ROUTE, REQUIRED_ACTION, DECISION_REVIEW
}
