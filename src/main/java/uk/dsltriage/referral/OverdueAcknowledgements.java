package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/**
 * Referrals of a school that the authority has not acknowledged within one working day: each is a task for the DSL
 * (chase the front door). A query for the tasks capability to list as OVERDUE tasks; it creates nothing itself.
 */
@ApplicationScoped
public class OverdueAcknowledgements {

    private final ReferralRepository referrals;
    private final Clock clock;

    public OverdueAcknowledgements(ReferralRepository referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    public record Overdue(UUID referralId, UUID incidentId, String laCode, ReferralKind kind, Instant dueAt) {
    }

    @Transactional
    public List<Overdue> of(AccessScope school) {
        return referrals.unacknowledgedPastDue(school, Instant.now(clock)).stream()
                .map(r -> new Overdue(r.id, r.incidentId, r.laCode, r.kind, r.acknowledgementDueAt)).toList();
    }
}
