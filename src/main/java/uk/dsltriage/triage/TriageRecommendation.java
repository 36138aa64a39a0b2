package uk.dsltriage.triage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A recommendation as it was made: the rule-set version and hash, the exact facts evaluated and the result, so it
 * can be replayed. Append-only.
 */
@Entity
@Table(name = "triage_recommendation")
public class TriageRecommendation {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TriageTrigger trigger;

    @Column(name = "rule_set_id", nullable = false, updatable = false)
    public String ruleSetId;

    @Column(name = "rule_set_version", nullable = false, updatable = false)
    public String ruleSetVersion;

    @Column(name = "rule_set_sha256", nullable = false, updatable = false)
    public String ruleSetSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "facts_snapshot", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String factsSnapshotJson;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String resultJson;

    @Column(nullable = false, updatable = false)
    public String urgency;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
