package uk.dsltriage.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.vocabulary.Urgency;

/**
 * An alert of the outbox, as read back for the school's DSLs. Written only by SQL ({@link AlertOutbox},
 * {@link AlertDispatcher}), so that queueing and claiming are single statements; never serialised to clients.
 */
@Entity
@Table(name = "alert_outbox")
public class Alert {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public AlertKind kind;

    @Column(name = "school_urn", nullable = false, insertable = false, updatable = false)
    public String schoolUrn;

    @Column(name = "incident_id", nullable = false, insertable = false, updatable = false)
    public UUID incidentId;

    @Column(name = "reference_id", nullable = false, insertable = false, updatable = false)
    public UUID referenceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public Urgency urgency;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    public AlertStatus status;

    @Column(nullable = false, insertable = false, updatable = false)
    public int attempts;

    @Column(name = "sent_at", insertable = false, updatable = false)
    public Instant sentAt;

    @Column(insertable = false, updatable = false)
    public String recipients;

    @Column(name = "recipient_count", nullable = false, insertable = false, updatable = false)
    public int recipientCount;

    public List<String> recipientList() {
        return recipients == null || recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(","));
    }
}
