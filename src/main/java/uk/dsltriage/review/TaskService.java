package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.vocabulary.Urgency;

/** The school's deadline tasks: listed by status (overdue computed from the clock) and completed with a note. */
@ApplicationScoped
public class TaskService {


    /** The code of a safety plan's review task (its label reads "Safety plan review"). */
    public static final String SAFETY_PLAN_REVIEW = "SAFETY_PLAN_REVIEW";

    private final TaskRepository tasks;
    private final DecisionRepository decisions;
    private final Deadlines deadlines;
    private final TriageService triage;
    private final AuditLog audit;
    private final Clock clock;

    public TaskService(TaskRepository tasks, DecisionRepository decisions, Deadlines deadlines, TriageService triage,
            AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.decisions = decisions;
        this.deadlines = deadlines;
        this.triage = triage;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A safety plan's review date as a task of the school, due at the close of that day (Europe/London), like a
     * decision's review date. Called in the transaction that records the plan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReviewTask scheduleSafetyPlanReview(String schoolUrn, UUID incidentId, UUID planId, LocalDate reviewBy, Instant now) {
        ReviewTask task = new ReviewTask();
        task.id = UUID.randomUUID();
        task.incidentId = incidentId;
        task.schoolUrn = schoolUrn;
        task.subjectId = planId;
        task.kind = TaskKind.SAFETY_PLAN_REVIEW;
        task.code = SAFETY_PLAN_REVIEW;
        task.urgency = Urgency.REVIEW;
        task.dueAt = deadlines.dueAt(Urgency.REVIEW, now, reviewBy);
        task.createdAt = now;
        tasks.persist(task);
        return task;
    }

    /** Completes the open review task of a superseded plan version: its review is the new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSafetyPlanReview(String schoolUrn, UUID planId, String by, String note, Instant now) {
        tasks.openAbout(schoolUrn, planId).forEach(t -> t.complete(by, note, now));
    }

    /** Tasks with the words of the rule set each one's recommendation was made under, by task id. */
    public record Page(List<ReviewTask> tasks, Instant now, Cursor next, Map<UUID, RuleSetWords> words) {

        public RuleSetWords wordsOf(ReviewTask task) {
            return words.getOrDefault(task.id, RuleSetWords.NONE);
        }
    }

    /**
     * The words each task reads in: those of the rule set of the recommendation it follows (its decision's, or the
     * incident's current one for a plan's review), so a task says what the recommendation said.
     */
    @Transactional
    public Map<UUID, RuleSetWords> wordsOf(Collection<ReviewTask> listed) {
        Map<UUID, UUID> recommendationOf = tasks.recommendationsOf(listed.stream().map(t -> t.id).toList());
        Map<UUID, RuleSetWords> byRecommendation = triage.wordsOf(new HashSet<>(recommendationOf.values()));
        Map<UUID, RuleSetWords> words = new HashMap<>();
        recommendationOf.forEach((task, recommendation) ->
                words.put(task, byRecommendation.getOrDefault(recommendation, RuleSetWords.NONE)));
        return words;
    }

    @Transactional
    public Page list(AccessScope scope, TaskStatus status, Cursor after, int size) {
        Instant now = Instant.now(clock);
        List<ReviewTask> rows = tasks.page(scope.schoolUrn(), status, now,
                after == null ? null : after.at(), after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<ReviewTask> page = more ? rows.subList(0, size) : rows;
        Cursor next = more ? new Cursor(0, page.get(page.size() - 1).dueAt, page.get(page.size() - 1).id) : null;
        audit.record(scope, AuditAction.TASKS_LISTED, ObjectKind.TASK, null);
        return new Page(List.copyOf(page), now, next, wordsOf(page));
    }

    /** The school's done tasks, most recently completed first; read and audited like a listing. */
    @Transactional
    public Page recentlyDone(AccessScope scope, int size) {
        List<ReviewTask> rows = tasks.recentlyDone(scope.schoolUrn(), size);
        audit.record(scope, AuditAction.TASKS_LISTED, ObjectKind.TASK, null);
        return new Page(List.copyOf(rows), Instant.now(clock), null, wordsOf(rows));
    }

    @Transactional
    public ReviewTask complete(AccessScope scope, UUID taskId, String note) {
        ReviewTask task = tasks.lockInSchool(scope.schoolUrn(), taskId).orElseThrow(ProblemException::notFound);
        if (task.kind == TaskKind.REFERRAL_ACKNOWLEDGEMENT && task.completedAt == null) {
            // The task and the referral's acknowledgementOverdue flag say the same thing only if one event closes both.
            throw ProblemException.conflict("This task is done when the local authority acknowledges the referral.");
        }
        task.complete(scope.actor(), note, Instant.now(clock));
        audit.record(scope, AuditAction.TASK_COMPLETED, ObjectKind.TASK, task.id);
        return task;
    }

    /** A referral is to be acknowledged within one working day of sending (Europe/London, bank holidays skipped). */
    public Instant referralAcknowledgementDue(Instant sentAt) {
        return deadlines.dueAt(Urgency.WITHIN_1_WORKING_DAY, sentAt, null);
    }

    /** Opens the task of waiting for a referral's acknowledgement, under the decision the referral follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openReferralAcknowledgement(String schoolUrn, UUID incidentId, UUID referralId, String referralKind,
            Instant sentAt, Instant dueAt) {
        Decision decision = decisions.current(schoolUrn, incidentId)
                .orElseThrow(() -> new IllegalStateException("a referral without a decision to follow"));
        ReviewTask task = new ReviewTask();
        task.id = UUID.randomUUID();
        task.incidentId = incidentId;
        task.schoolUrn = schoolUrn;
        task.decisionId = decision.id;
        task.kind = TaskKind.REFERRAL_ACKNOWLEDGEMENT;
        task.code = referralKind;
        task.urgency = Urgency.WITHIN_1_WORKING_DAY;
        task.dueAt = dueAt;
        task.createdAt = sentAt;
        task.referralId = referralId;
        tasks.persist(task);
    }

    /** Completes a referral's acknowledgement task, in the transaction that records the acknowledgement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeReferralAcknowledgement(UUID referralId, String acknowledgedBy, Instant at, String note) {
        tasks.lockOfReferral(referralId).filter(task -> task.completedAt == null)
                .ifPresent(task -> task.complete(acknowledgedBy, note, at));
    }

    public Instant now() {
        return Instant.now(clock);
    }
}
