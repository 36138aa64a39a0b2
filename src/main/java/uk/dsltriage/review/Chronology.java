package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.incident.AddendumRepository;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentAddendum;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.incident.ParticipantIndex;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RecommendationRepository;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageRecommendation;
import uk.dsltriage.triage.TriageService;

/**
 * A child's chronology: every incident, addendum, recommendation, decision and task about one pseudonymous child of
 * the caller's school, and the assessments and safety plans other capabilities contribute ({@link ChildHistory}),
 * online and offline alike, in time order. Incidents are found through the participant index,
 * never by scanning JSON. A reference with no incident in the school is 404, as one in another school would be.
 */
@ApplicationScoped
public class Chronology {

    public enum Kind {
        INCIDENT_RECORDED, ADDENDUM_ADDED, RECOMMENDATION_MADE, DECISION_RECORDED, TASK_CREATED, TASK_COMPLETED,
        ASSESSMENT_RECORDED, SAFETY_PLAN_RECORDED
    }

    /**
     * One event; {@code codes} are vocabulary codes (types, routes, outcome); no narrative is carried. {@code words}:
     * the words the rule set of the event's recommendation gives those of its codes it words, by code.
     */
    public record Entry(Instant at, Kind kind, UUID incidentId, UUID recordId, String actor, List<String> codes,
            Map<String, RuleSetWords.Word> words) {

        /** An event of a record no rule set words (an assessment, a plan). */
        public Entry(Instant at, Kind kind, UUID incidentId, UUID recordId, String actor, List<String> codes) {
            this(at, kind, incidentId, recordId, actor, codes, Map.of());
        }
    }

    private final EntityManager em;
    private final IncidentRepository incidents;
    private final AddendumRepository addenda;
    private final RecommendationRepository recommendations;
    private final TriageService triage;
    private final DecisionRepository decisions;
    private final TaskRepository tasks;
    private final AuditLog audit;
    private final Instance<ChildHistory> histories;

    public Chronology(EntityManager em, IncidentRepository incidents, AddendumRepository addenda,
            RecommendationRepository recommendations, TriageService triage, DecisionRepository decisions, TaskRepository tasks,
            AuditLog audit, @Any Instance<ChildHistory> histories) {
        this.histories = histories;
        this.em = em;
        this.incidents = incidents;
        this.addenda = addenda;
        this.recommendations = recommendations;
        this.triage = triage;
        this.decisions = decisions;
        this.tasks = tasks;
        this.audit = audit;
    }

    @Transactional
    public List<Entry> of(AccessScope scope, String childRef) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select incident_id from incident_participant where school_urn = ?1 and ref = ?2")
                .setParameter(1, scope.schoolUrn())
                .setParameter(2, ParticipantIndex.normalise(childRef))
                .getResultList();
        List<Incident> found = incidents.findAllInScope(ids, scope);
        if (found.isEmpty()) {
            throw ProblemException.notFound();
        }
        List<UUID> incidentIds = found.stream().map(i -> i.id).toList();
        List<Decision> decided = decisions.ofIncidents(scope.schoolUrn(), incidentIds);
        List<ReviewTask> incidentTasks = tasks.ofIncidents(scope.schoolUrn(), incidentIds);
        Map<UUID, RuleSetWords> wordsOf = recommendationWords(found, decided);
        Map<UUID, UUID> recommendationOfDecision = new HashMap<>();
        decided.forEach(d -> recommendationOfDecision.put(d.id, d.recommendationId));
        Map<UUID, UUID> currentOfIncident = new HashMap<>();
        found.forEach(i -> currentOfIncident.put(i.id, i.currentRecommendationId));
        List<Entry> entries = new ArrayList<>();
        for (Incident incident : found) {
            List<String> types = incident.types.stream().map(Enum::name).sorted().toList();
            List<String> codes = new ArrayList<>(types);
            codes.add(incident.location.name());
            entries.add(new Entry(incident.recordedAt, Kind.INCIDENT_RECORDED, incident.id, incident.id, incident.recordedBy, codes));
            for (IncidentAddendum a : addenda.of(incident)) {
                entries.add(new Entry(a.recordedAt, Kind.ADDENDUM_ADDED, incident.id, a.id, a.recordedBy,
                        a.revisedFactsJson == null ? List.of() : List.of("REVISED_FACTS")));
            }
            for (TriageRecommendation r : recommendations.history(incident.id)) {
                Recommendation result = triage.storedResult(r);
                List<Enum<?>> advice = new ArrayList<>();
                advice.add(result.urgency());
                advice.addAll(result.routes());
                entries.add(new Entry(r.createdAt, Kind.RECOMMENDATION_MADE, incident.id, r.id, r.createdBy, names(advice),
                        triage.words(r).ofAll(advice)));
            }
        }
        for (Decision d : decided) {
            List<String> codes = new ArrayList<>();
            codes.add(d.outcome.name());
            d.routes.forEach(route -> codes.add(route.name()));
            entries.add(new Entry(d.decidedAt, Kind.DECISION_RECORDED, d.incidentId, d.id, d.decidedBy, codes,
                    words(wordsOf, d.recommendationId).ofAll(d.routes)));
        }
        for (ReviewTask t : incidentTasks) {
            UUID recommendation = t.decisionId == null ? currentOfIncident.get(t.incidentId) : recommendationOfDecision.get(t.decisionId);
            Map<String, RuleSetWords.Word> taskWords = words(wordsOf, recommendation).ofAll(t.vocabularyCode().stream().toList());
            entries.add(new Entry(t.createdAt, Kind.TASK_CREATED, t.incidentId, t.id, null, List.of(t.code), taskWords));
            if (t.completedAt != null) {
                entries.add(new Entry(t.completedAt, Kind.TASK_COMPLETED, t.incidentId, t.id, t.completedBy, List.of(t.code), taskWords));
            }
        }
        String child = ParticipantIndex.normalise(childRef);
        histories.forEach(history -> entries.addAll(history.entries(scope.schoolUrn(), child)));
        entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> e.kind().ordinal()));
        audit.record(scope, AuditAction.CHRONOLOGY_READ, ObjectKind.CHILD, null);
        return entries;
    }

    /** The words of the rule sets of the decisions' recommendations and the incidents' current ones (one query). */
    private Map<UUID, RuleSetWords> recommendationWords(List<Incident> found, List<Decision> decided) {
        Set<UUID> ids = new HashSet<>();
        found.forEach(i -> ids.add(i.currentRecommendationId));
        decided.forEach(d -> ids.add(d.recommendationId));
        ids.remove(null);
        return triage.wordsOf(ids);
    }

    private static RuleSetWords words(Map<UUID, RuleSetWords> wordsOf, UUID recommendationId) {
        return recommendationId == null ? RuleSetWords.NONE : wordsOf.getOrDefault(recommendationId, RuleSetWords.NONE);
    }

    private static List<String> names(List<Enum<?>> codes) {
        return codes.stream().map(Enum::name).toList();
    }
}
