package uk.dsltriage.audit;

import java.time.Instant;

/** Filters of an audit search; every member may be null (no filter). */
public record AuditQuery(ObjectKind objectKind, String objectId, String actor, AuditAction action, Instant from,
        Instant to) {
}
