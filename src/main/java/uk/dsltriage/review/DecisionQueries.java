package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.Route;

/**
 * For other capabilities (referrals): the decision in force on an incident, within the caller's scope. Empty when the
 * incident is out of scope, missing, or not decided yet.
 */
@ApplicationScoped
public class DecisionQueries {

    private final IncidentRepository incidents;
    private final DecisionRepository decisions;

    public DecisionQueries(IncidentRepository incidents, DecisionRepository decisions) {
        this.incidents = incidents;
        this.decisions = decisions;
    }

    /** The current (latest, superseding) decision: its outcome and the routes it takes. */
    public record CurrentDecision(UUID decisionId, UUID incidentId, int sequence, DecisionOutcome outcome,
            List<Route> routes, boolean acceptRecommendation, Instant decidedAt, String decidedBy) {
    }

    @Transactional
    public Optional<CurrentDecision> currentDecision(AccessScope scope, UUID incidentId) {
        return incidents.findInScope(incidentId, scope)
                .flatMap(incident -> decisions.current(incident.schoolUrn, incident.id))
                .map(d -> new CurrentDecision(d.id, d.incidentId, d.sequence, d.outcome, List.copyOf(d.routes),
                        d.acceptRecommendation, d.decidedAt, d.decidedBy));
    }
}
