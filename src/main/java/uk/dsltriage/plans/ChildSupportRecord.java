package uk.dsltriage.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a child's assessment or safety plan for an incident. Never updated or deleted (the database refuses
 * it): a new version supersedes the one before it.
 */
@Entity
@Table(name = "child_support_record")
public class ChildSupportRecord {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SupportRecordKind kind;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    @Column(name = "child_ref", nullable = false, updatable = false)
    public String childRef;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "supersedes_id", updatable = false)
    public UUID supersedesId;

    @Column(name = "review_by", updatable = false)
    public LocalDate reviewBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String content;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
