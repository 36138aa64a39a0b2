package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.Urgency;

/** The school's deadline tasks: listed by status (overdue computed from the clock) and completed with a note. */
@ApplicationScoped
public class TaskService {


    /** The code of a safety plan's review task (its label reads "Safety plan review"). */
    public static final String SAFETY_PLAN_REVIEW = "SAFETY_PLAN_REVIEW";

    private final TaskRepository tasks;
    private final AuditLog audit;
    private final Clock clock;
    private final Deadlines deadlines;

    public TaskService(TaskRepository tasks, AuditLog audit, Clock clock, Deadlines deadlines) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
        this.deadlines = deadlines;
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

    public record Page(List<ReviewTask> tasks, Instant now, Cursor next) {
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
        return new Page(List.copyOf(page), now, next);
    }

    @Transactional
    public ReviewTask complete(AccessScope scope, UUID taskId, String note) {
        ReviewTask task = tasks.lockInSchool(scope.schoolUrn(), taskId).orElseThrow(ProblemException::notFound);
        task.complete(scope.actor(), note, Instant.now(clock));
        audit.record(scope, AuditAction.TASK_COMPLETED, ObjectKind.TASK, task.id);
        return task;
    }

    public Instant now() {
        return Instant.now(clock);
    }
}
