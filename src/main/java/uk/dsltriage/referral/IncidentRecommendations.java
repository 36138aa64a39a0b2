package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RecommendationRepository;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.vocabulary.IncidentType;

/** The incident (within the caller's school) and its current recommendation, as a referral needs them. */
@ApplicationScoped
public class IncidentRecommendations {

    private final IncidentRepository incidents;
    private final RecommendationRepository recommendations;
    private final TriageService triage;

    public IncidentRecommendations(IncidentRepository incidents, RecommendationRepository recommendations,
            TriageService triage) {
        this.incidents = incidents;
        this.recommendations = recommendations;
        this.triage = triage;
    }

    public record Current(UUID incidentId, Set<IncidentType> types, Recommendation recommendation) {
        public java.util.List<uk.dsltriage.vocabulary.Route> routes() {
            return recommendation.routes();
        }
    }

    /** Empty when the incident is outside the caller's scope (or missing); the caller answers 404. */
    @Transactional
    public Optional<Current> current(AccessScope school, UUID incidentId) {
        Optional<Incident> incident = incidents.findInScope(incidentId, school);
        return incident.flatMap(i -> recommendations.latest(i.id)
                .map(stored -> new Current(i.id, Set.copyOf(i.types), triage.storedResult(stored))));
    }
}
