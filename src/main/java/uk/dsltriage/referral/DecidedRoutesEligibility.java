package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.review.DecisionQueries;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/**
 * A referral follows the DSL's recorded decision, never the recommendation alone: the kinds allowed are those of the
 * referral routes the current decision takes. No decision yet means nothing to refer.
 */
@ApplicationScoped
public class DecidedRoutesEligibility implements ReferralEligibility {

    private final IncidentRecommendations recommendations;
    private final DecisionQueries decisions;

    public DecidedRoutesEligibility(IncidentRecommendations recommendations, DecisionQueries decisions) {
        this.recommendations = recommendations;
        this.decisions = decisions;
    }

    @Override
    public Set<ReferralKind> decidedKinds(AccessScope school, UUID incidentId) {
        if (recommendations.current(school, incidentId).isEmpty()) {
            throw ProblemException.notFound();
        }
        return decisions.currentDecision(school, incidentId)
                .map(d -> ReferralRoutes.kindsOf(d.routes()))
                .orElse(Set.of());
    }
}
