package uk.dsltriage.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.vocabulary.ContactOutcome;
import uk.dsltriage.vocabulary.ReferralOutcome;
import uk.dsltriage.vocabulary.S47Outcome;

/** One decision of the local authority's front door on a referral. Append-only: the sequence is the history. */
@Entity
@Table(name = "referral_outcome")
public class ReferralOutcomeRecord {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    public UUID referralId;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_outcome", updatable = false)
    public ContactOutcome contactOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_outcome", updatable = false)
    public ReferralOutcome referralOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "s47_outcome", updatable = false)
    public S47Outcome s47Outcome;

    @Column(name = "decided_at", nullable = false, updatable = false)
    public Instant decidedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
