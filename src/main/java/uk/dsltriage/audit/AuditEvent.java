package uk.dsltriage.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited action. Metadata only: never content, narratives or child details. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "school_urn", updatable = false)
    public String schoolUrn;

    @Column(name = "la_code", updatable = false)
    public String laCode;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "object_type", updatable = false)
    public String objectType;

    @Column(name = "object_id", updatable = false)
    public String objectId;

    @Column(nullable = false, updatable = false)
    public String outcome;

    @Column(updatable = false)
    public String endpoint;

    @Column(name = "correlation_id", updatable = false)
    public String correlationId;
}
