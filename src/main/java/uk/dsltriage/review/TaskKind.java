package uk.dsltriage.review;

/**
 * A route of the decision, one of its required actions, the review of a decision that referred nobody, or a referral
 * the local authority has still to acknowledge (done when it does).
 */
public enum TaskKind {
    ROUTE, REQUIRED_ACTION, DECISION_REVIEW, REFERRAL_ACKNOWLEDGEMENT
}
