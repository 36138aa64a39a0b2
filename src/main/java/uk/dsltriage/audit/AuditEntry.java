package uk.dsltriage.audit;

import java.time.Instant;

/**
 * One audit event, as stored and as hashed. Metadata only: never content, narratives, request bodies or child
 * details. {@code id} is the database's row id (not hashed: the position in the chain is {@code seq}).
 */
public record AuditEntry(
        Long id,
        String chain,
        long seq,
        String prevHash,
        Instant at,
        String actor,
        String roles,
        String schoolUrn,
        String laCode,
        String action,
        String objectKind,
        String objectId,
        String outcome,
        String endpoint,
        String correlationId,
        String hash) {

    /** The hash of the (absent) link before the first event of every chain. */
    public static final String GENESIS = "0".repeat(64);

    /** Recomputes the SHA-256 of this event's canonical content (the stored {@link #hash} is not an input). */
    public String computeHash() {
        return CanonicalEvent.sha256(this);
    }

    AuditEntry linked(long position, String previous) {
        AuditEntry placed = new AuditEntry(id, chain, position, previous, at, actor, roles, schoolUrn, laCode, action,
                objectKind, objectId, outcome, endpoint, correlationId, null);
        return placed.withHash(placed.computeHash());
    }

    AuditEntry withHash(String value) {
        return new AuditEntry(id, chain, seq, prevHash, at, actor, roles, schoolUrn, laCode, action, objectKind,
                objectId, outcome, endpoint, correlationId, value);
    }

    AuditEntry withId(long value) {
        return new AuditEntry(value, chain, seq, prevHash, at, actor, roles, schoolUrn, laCode, action, objectKind,
                objectId, outcome, endpoint, correlationId, hash);
    }
}
