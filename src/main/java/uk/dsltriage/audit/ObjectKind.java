package uk.dsltriage.audit;

/** The kind of record an audit event is about. Stored by name: never rename a published constant. */
public enum ObjectKind {
    INCIDENT,
    AUDIT_CHAIN,
    REFERRAL,
    REFERRAL_FEED_PAGE,
    MASTER_KEY,
    CHILD,
    TASK,
    RULE_SET,
    ASSESSMENT,
    SAFETY_PLAN,
    ALERT
}
