package uk.dsltriage.audit.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.audit.AuditEntry;

@Schema(name = "AuditEvent", description = "Who did what to which record, when, and with what outcome. Metadata only.")
public record AuditEventView(
        @Schema(minimum = "1", maximum = "9223372036854775807") long id,
        Instant at,
        @Schema(maxLength = WireLimits.ACTOR, description = "Token issuer and subject") String actor,
        @Schema(maxLength = 2000, description = "The caller's roles, comma-separated") String roles,
        @Schema(maxLength = WireLimits.SCHOOL_URN) String schoolUrn,
        @Schema(maxLength = WireLimits.LA_CODE) String laCode,
        @Schema(maxLength = WireLimits.CODE) String action,
        @Schema(maxLength = 32) String objectKind,
        @Schema(maxLength = WireLimits.CODE) String objectId,
        @Schema(enumeration = {"SUCCESS", "REFUSED"}) String outcome,
        @Schema(maxLength = 200, description = "Route template of a refused request") String endpoint,
        @Schema(maxLength = WireLimits.CORRELATION_ID) String correlationId,
        @Schema(maxLength = 24, description = "The chain this event belongs to: school:<urn>, la:<code> or system") String chain,
        @Schema(minimum = "1", maximum = "9223372036854775807", description = "Position in the chain, from 1") long seq,
        @Schema(maxLength = WireLimits.SHA256_HEX, description = "SHA-256 of the previous event of the chain") String prevHash,
        @Schema(maxLength = WireLimits.SHA256_HEX, description = "SHA-256 of this event's canonical content") String hash) {

    static AuditEventView of(AuditEntry e) {
        return new AuditEventView(e.id(), e.at(), e.actor(), e.roles(), e.schoolUrn(), e.laCode(), e.action(),
                e.objectKind(), e.objectId(), e.outcome(), e.endpoint(), e.correlationId(), e.chain(), e.seq(),
                e.prevHash(), e.hash());
    }
}
