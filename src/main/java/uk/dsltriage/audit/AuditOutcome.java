package uk.dsltriage.audit;

public enum AuditOutcome {
    SUCCESS,
    REFUSED
}
