package uk.dsltriage.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Later information about an incident: appended, never overwritten. Numbered per incident by the database. */
@Entity
@Table(name = "incident_addendum")
public class IncidentAddendum {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(nullable = false, updatable = false)
    public String account;

    /** A complete revised set of triage facts when the addendum changes them, else null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "revised_facts", updatable = false, columnDefinition = "jsonb")
    public String revisedFactsJson;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_sha256", updatable = false)
    public String requestSha256;
}
