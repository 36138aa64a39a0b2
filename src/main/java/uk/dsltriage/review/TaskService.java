package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.security.AccessScope;

/** The school's deadline tasks: listed by status (overdue computed from the clock) and completed with a note. */
@ApplicationScoped
public class TaskService {


    private final TaskRepository tasks;
    private final AuditLog audit;
    private final Clock clock;

    public TaskService(TaskRepository tasks, AuditLog audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
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
