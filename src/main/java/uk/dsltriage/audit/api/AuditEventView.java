package uk.dsltriage.audit.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.audit.AuditEntry;

@Schema(name = "AuditEvent", description = "Who did what to which record, when, and with what outcome. Metadata only.")
public record AuditEventView(
        long id,
        Instant at,
        @Schema(description = "Token issuer and subject") String actor,
        @Schema(description = "The caller's roles, comma-separated") String roles,
        String schoolUrn,
        String laCode,
        String action,
        String objectKind,
        String objectId,
        @Schema(enumeration = {"SUCCESS", "REFUSED"}) String outcome,
        @Schema(description = "Route template of a refused request") String endpoint,
        String correlationId,
        @Schema(description = "The chain this event belongs to: school:<urn>, la:<code> or system") String chain,
        @Schema(description = "Position in the chain, from 1") long seq,
        @Schema(description = "SHA-256 of the previous event of the chain") String prevHash,
        @Schema(description = "SHA-256 of this event's canonical content") String hash) {

    static AuditEventView of(AuditEntry e) {
        return new AuditEventView(e.id(), e.at(), e.actor(), e.roles(), e.schoolUrn(), e.laCode(), e.action(),
                e.objectKind(), e.objectId(), e.outcome(), e.endpoint(), e.correlationId(), e.chain(), e.seq(),
                e.prevHash(), e.hash());
    }
}
