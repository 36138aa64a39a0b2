package uk.dsltriage.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * A concern as first recorded. The account and the original facts are never changed: later information is an
 * {@link IncidentAddendum}. Never serialised to clients; the API maps it to view records.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Location location;

    @Column(nullable = false, updatable = false)
    public String account;

    @Column(name = "child_voice", updatable = false)
    public String childVoice;

    /** The triage facts as recorded, as JSON; revised facts live on addenda. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "facts", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String factsJson;

    /** Image metadata (never image content), as JSON, or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_metadata", updatable = false, columnDefinition = "jsonb")
    public String imageMetadataJson;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_type", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public Set<IncidentType> types = new LinkedHashSet<>();

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_sha256", updatable = false)
    public String requestSha256;
}
