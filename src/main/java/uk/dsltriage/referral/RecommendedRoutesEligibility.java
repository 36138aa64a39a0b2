package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/**
 * INTERIM: treats the routes of the incident's current recommendation as the DSL's decision, until DSL decisions
 * (uk.dsltriage.review) exist; then an implementation reading the recorded decision replaces this bean. The
 * recommendation is still only an input to the DSL, which is why this must not outlive that work.
 */
@ApplicationScoped
public class RecommendedRoutesEligibility implements ReferralEligibility {

    private final IncidentRecommendations recommendations;

    public RecommendedRoutesEligibility(IncidentRecommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public Set<ReferralKind> decidedKinds(AccessScope school, UUID incidentId) {
        return recommendations.current(school, incidentId)
                .map(r -> ReferralRoutes.kindsOf(r.routes()))
                .orElseThrow(ProblemException::notFound);
    }
}
