package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.review.DecisionQueries;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/**
 * A referral follows the DSL's recorded decision, never the recommendation alone: the kinds allowed are those of the
 * referral routes the current decision takes. No decision yet means nothing to refer.
 */
@ApplicationScoped
public class DecidedRoutesEligibility implements ReferralEligibility {

    private final DecisionQueries decisions;

    public DecidedRoutesEligibility(DecisionQueries decisions) {
        this.decisions = decisions;
    }

    @Override
    public Set<ReferralKind> decidedKinds(AccessScope school, UUID incidentId) {
        return decisions.currentDecision(school, incidentId)
                .map(d -> ReferralRoutes.kindsOf(d.routes()))
                .orElse(Set.of());
    }
}
