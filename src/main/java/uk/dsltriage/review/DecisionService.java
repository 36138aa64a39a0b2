package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.ConstraintNames;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.Advice;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageRecommendation;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/**
 * The DSL's side of an incident's lifecycle: begin review, decide (with reasons, creating deadline tasks), close,
 * reopen. Every change names the incident version the DSL read ({@code If-Match}); the database's version check
 * decides between two DSLs acting at once, so exactly one wins and the other gets 412.
 */
@ApplicationScoped
public class DecisionService {

    /** Required actions that recording the decision itself fulfils. */
    static final Set<RequiredAction> DONE_BY_DECIDING = Set.of(RequiredAction.RECORD_CONCERN_DECISIONS_RATIONALE,
            RequiredAction.INFORM_DSL);

    private final IncidentRepository incidents;
    private final DecisionRepository decisions;
    private final TaskRepository tasks;
    private final TriageService triage;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;

    public DecisionService(IncidentRepository incidents, DecisionRepository decisions, TaskRepository tasks,
            TriageService triage, Deadlines deadlines, AuditLog audit, Clock clock) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.tasks = tasks;
        this.triage = triage;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** A recorded decision, the tasks it created, the incident's new ETag, and the words of the rule set decided on. */
    public record Decided(Decision decision, List<ReviewTask> tasks, String etag, RuleSetWords words) {
    }

    /**
     * An incident's review as it stands: lifecycle, current advice and the words of the rule set it came from, every
     * decision (oldest first) and its tasks, and the words of the rule set each decision and task was made under.
     */
    public record ReviewState(Incident incident, Advice advice, RuleSetWords words, List<Decision> decisions,
            List<ReviewTask> tasks, Instant now, Map<UUID, RuleSetWords> recordWords) {

        /** The words a decision or task of this review reads in; the current recommendation's when not known. */
        public RuleSetWords wordsOf(UUID decisionOrTaskId) {
            return recordWords.getOrDefault(decisionOrTaskId, words);
        }
    }

    @Transactional
    public ReviewState state(AccessScope scope, UUID incidentId) {
        Incident incident = find(scope, incidentId);
        audit.record(scope, AuditAction.DECISIONS_READ, ObjectKind.INCIDENT, incident.id);
        return state(incident);
    }

    @Transactional
    public ReviewState beginReview(AccessScope scope, UUID incidentId, Long expectedVersion) {
        return transition(scope, incidentId, expectedVersion, Incident::beginReview, AuditAction.REVIEW_STARTED);
    }

    @Transactional
    public ReviewState close(AccessScope scope, UUID incidentId, Long expectedVersion) {
        return transition(scope, incidentId, expectedVersion, Incident::close, AuditAction.INCIDENT_CLOSED);
    }

    @Transactional
    public ReviewState reopen(AccessScope scope, UUID incidentId, Long expectedVersion) {
        return transition(scope, incidentId, expectedVersion, incident -> incident.reopen(Instant.now(clock)),
                AuditAction.INCIDENT_REOPENED);
    }

    /** One lifecycle step on the version the DSL read; the incident refuses an illegal one (409). */
    private ReviewState transition(AccessScope scope, UUID incidentId, Long expectedVersion, Consumer<Incident> step,
            AuditAction action) {
        Incident incident = find(scope, incidentId);
        requireVersion(incident, expectedVersion);
        step.accept(incident);
        audit.record(scope, action, ObjectKind.INCIDENT, incident.id);
        flushOrPreconditionFailed();
        return state(incident);
    }

    @Transactional
    public Decided decide(AccessScope scope, UUID incidentId, Long expectedVersion, DecisionCommand command) {
        Incident incident = find(scope, incidentId);
        if (expectedVersion == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the incident as you read it (GET /api/v1/incidents/{id}/review).");
        }
        requireVersion(incident, expectedVersion);
        TriageRecommendation current = currentRecommendation(incident);
        Advice advice = Advice.of(triage.storedResult(current));
        Instant now = Instant.now(clock);
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        incident.decided(decision.id);
        DecisionRules.check(command, advice, now.atZone(Deadlines.ENGLAND).toLocalDate());

        decision.incidentId = incident.id;
        decision.schoolUrn = incident.schoolUrn;
        decision.sequence = decisions.nextSequence(incident.id);
        decision.recommendationId = incident.currentRecommendationId;
        decision.outcome = command.outcome();
        decision.acceptRecommendation = command.acceptRecommendation();
        decision.rationale = command.rationale() == null || command.rationale().isBlank() ? null : command.rationale();
        decision.parentsInformed = command.parentsInformed();
        decision.parentsNotInformedReason = command.parentsNotInformedReason();
        decision.childViews = command.childViews();
        decision.childViewsWeighed = command.childViewsWeighed();
        decision.reviewBy = command.reviewBy();
        if (command.dslAttestation() != null) {
            decision.sufficientInformation = command.dslAttestation().sufficientInformation();
            decision.risksManageableInSetting = command.dslAttestation().risksManageableInSetting();
            decision.headteacherConsulted = command.dslAttestation().headteacherConsulted();
        }
        decision.decidedBy = scope.actor();
        decision.decidedAt = now;
        decision.routes = new LinkedHashSet<>(DecisionRules.routesTaken(command, advice));
        decision.actions = new LinkedHashSet<>(command.actions());
        decisions.persist(decision);
        // Flush here, before any query could auto-flush outside the check: the losing DSL of a race fails now.
        flushOrPreconditionFailed();
        List<ReviewTask> created = createTasks(incident, decision, advice, now);
        audit.record(scope, AuditAction.DECISION_RECORDED, ObjectKind.INCIDENT, incident.id);
        flushOrPreconditionFailed();
        return new Decided(decision, created, incident.etag(), triage.words(current));
    }

    /**
     * The console's one step: an incident still awaiting review is taken into review and decided in one transaction,
     * each step audited as through the API. A refused decision rolls back the start too, so nothing changes.
     */
    @Transactional
    public Decided beginReviewAndDecide(AccessScope scope, UUID incidentId, Long expectedVersion, DecisionCommand command) {
        Incident incident = find(scope, incidentId);
        Long version = expectedVersion;
        if (incident.status == uk.dsltriage.incident.IncidentStatus.AWAITING_DSL_REVIEW && expectedVersion != null) {
            version = beginReview(scope, incidentId, expectedVersion).incident().version;
        }
        return decide(scope, incidentId, version, command);
    }

    /** One task per route and required action not already open on the incident; an open task is never replaced. */
    private List<ReviewTask> createTasks(Incident incident, Decision decision, Advice advice, Instant now) {
        Set<String> open = new HashSet<>();
        tasks.openOf(incident.schoolUrn, incident.id).forEach(t -> open.add(t.kind + ":" + t.code));
        List<ReviewTask> created = new ArrayList<>();
        for (Route route : decision.routes) {
            if (!DecisionRules.NOT_TASKS.contains(route) && open.add(TaskKind.ROUTE + ":" + route.name())) {
                created.add(task(decision, TaskKind.ROUTE, route.name(), advice,
                        deadlines.dueAt(route, advice.urgency(), now, decision.reviewBy), now));
            }
        }
        Set<RequiredAction> required = new LinkedHashSet<>(advice.requiredActions());
        for (RequiredAction action : RequiredAction.values()) {
            if (decision.actions.contains(action.name())) {
                required.add(action);
            }
        }
        required.removeAll(DONE_BY_DECIDING);
        for (RequiredAction action : required) {
            if (open.add(TaskKind.REQUIRED_ACTION + ":" + action.name())) {
                created.add(task(decision, TaskKind.REQUIRED_ACTION, action.name(), advice,
                        deadlines.dueAt(advice.urgency(), now, decision.reviewBy), now));
            }
        }
        if (decision.reviewBy != null && open.add(TaskKind.DECISION_REVIEW + ":" + decision.outcome.name())) {
            created.add(task(decision, TaskKind.DECISION_REVIEW, decision.outcome.name(), advice,
                    deadlines.dueAt(uk.dsltriage.vocabulary.Urgency.REVIEW, now, decision.reviewBy), now));
        }
        created.forEach(tasks::persist);
        return created;
    }

    private static ReviewTask task(Decision decision, TaskKind kind, String code, Advice advice, Instant due, Instant now) {
        ReviewTask task = new ReviewTask();
        task.id = UUID.randomUUID();
        task.incidentId = decision.incidentId;
        task.schoolUrn = decision.schoolUrn;
        task.decisionId = decision.id;
        task.kind = kind;
        task.code = code;
        task.urgency = kind == TaskKind.DECISION_REVIEW ? uk.dsltriage.vocabulary.Urgency.REVIEW : advice.urgency();
        task.dueAt = due;
        task.createdAt = now;
        return task;
    }

    private Incident find(AccessScope scope, UUID incidentId) {
        return incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
    }

    private TriageRecommendation currentRecommendation(Incident incident) {
        return triage.find(incident.currentRecommendationId)
                .orElseThrow(() -> new IllegalStateException("incident " + incident.id + " has no recommendation"));
    }

    private ReviewState state(Incident incident) {
        var current = triage.find(incident.currentRecommendationId);
        Advice advice = current.map(r -> Advice.of(triage.storedResult(r))).orElse(null);
        RuleSetWords words = current.map(triage::words).orElse(RuleSetWords.NONE);
        List<Decision> history = decisions.history(incident.schoolUrn, incident.id);
        List<ReviewTask> incidentTasks = tasks.ofIncidents(incident.schoolUrn, List.of(incident.id));
        return new ReviewState(incident, advice, words, history, incidentTasks, Instant.now(clock),
                recordWords(history, incidentTasks));
    }

    /** A decision reads in the words of the recommendation it was made on; a task in its decision's. */
    private Map<UUID, RuleSetWords> recordWords(List<Decision> history, List<ReviewTask> incidentTasks) {
        Map<UUID, RuleSetWords> byRecommendation = triage.wordsOf(history.stream().map(d -> d.recommendationId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, RuleSetWords> words = new HashMap<>();
        history.forEach(d -> Optional.ofNullable(byRecommendation.get(d.recommendationId)).ifPresent(w -> words.put(d.id, w)));
        incidentTasks.forEach(t -> Optional.ofNullable(t.decisionId).map(words::get).ifPresent(w -> words.put(t.id, w)));
        return words;
    }

    private static void requireVersion(Incident incident, Long expected) {
        if (expected != null && expected != incident.version) {
            throw preconditionFailed();
        }
    }

    /** The version check runs in the UPDATE itself: a DSL who read the same version but lost the race gets 412. */
    private void flushOrPreconditionFailed() {
        try {
            incidents.flush();
        } catch (OptimisticLockException e) {
            throw preconditionFailed();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.StaleStateException
                    || ConstraintNames.violated(e, "review_decision_sequence_unique")) {
                throw preconditionFailed();
            }
            throw e;
        }
    }

    private static ProblemException preconditionFailed() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The incident changed since you read it (another decision, new information or a new recommendation). "
                        + "Read it again and decide on what is current.");
    }
}
