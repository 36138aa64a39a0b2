package uk.dsltriage.audit;

/** What an audit event records. Stored by name: never rename a published constant. */
public enum AuditAction {
    INCIDENT_RECORDED,
    INCIDENT_REPLAYED,
    INCIDENT_READ,
    INCIDENT_LISTED,
    ADDENDUM_ADDED,
    RECOMMENDATIONS_READ,
    TRIAGE_EVALUATED,
    TRIAGE_RECORDED,
    VIEWING_RECORDED,
    VIEWING_RECORDS_READ,
    ACCESS_LOG_READ,
    AUDIT_SEARCHED,
    AUDIT_VERIFIED,
    AUDIT_EXPORTED,

    // Refusals, recorded from one place (RefusalAudit) for every problem response.
    REFUSED_UNAUTHENTICATED,
    REFUSED_FORBIDDEN,
    REFUSED_NOT_FOUND,
    REFUSED_INVALID,
    REFUSED_CONFLICT,
    REFUSED_TOO_LARGE,
    REFUSED_MEDIA_TYPE,
    IMAGE_CONTENT_REFUSED,
    VIEWING_REFUSED
}
