package uk.dsltriage.review;

/**
 * A route of the decision, one of its required actions, the review of a decision that referred nobody, a referral
 * the local authority has still to acknowledge (done when it does), or the review date of a child's safety plan (a
 * task about the plan, not about a decision). Stored by name: never rename one.
 */
public enum TaskKind {
    ROUTE, REQUIRED_ACTION, DECISION_REVIEW, REFERRAL_ACKNOWLEDGEMENT, SAFETY_PLAN_REVIEW
}
