package uk.dsltriage.referral;

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
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A referral as the school sent it. The child is named only by reference: identity lives encrypted in the child
 * identity table. Immutable once sent except for its acknowledgement, which is set once (database trigger).
 */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    @Column(name = "la_code", nullable = false, updatable = false)
    public String laCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReferralKind kind;

    @Column(name = "child_ref", nullable = false, updatable = false)
    public String childRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Urgency urgency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String contentJson;

    /**
     * The same form as the API wrote it at sending, kept as text so the feed can send it unparsed (V15). Null for
     * referrals sent before V15 and for forms the feed must write itself ({@link ReferralDocuments#storableAsSent}).
     */
    @Column(name = "form_json", updatable = false, columnDefinition = "text")
    public String formJson;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "acknowledgement_due_at", nullable = false, updatable = false)
    public Instant acknowledgementDueAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "la_reference")
    public String laReference;

    @Column(name = "feed_position", nullable = false, updatable = false)
    public long feedPosition;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    /** Fingerprint of the request sent with the idempotency key: a retry must match it. */
    @Column(name = "request_sha256", updatable = false)
    public String requestSha256;
}
