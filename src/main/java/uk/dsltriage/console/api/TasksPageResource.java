package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import uk.dsltriage.common.WireLimits;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.review.TaskService;
import uk.dsltriage.review.api.ReviewViews;
import uk.dsltriage.review.api.TaskCompletionRequest;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.RuleSetWords;

/**
 * The DSL's tasks: overdue first (with how long), then open in due order, then the most recently done with who
 * completed them and their note; each task the DSL can complete has a form with a note.
 */
@Path(ConsolePaths.TASKS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.DSL)
public class TasksPageResource {

    static final int PAGE_SIZE = 100;
    static final int DONE_SHOWN = 20;

    /** A completion the service or the note's rules refused, shown at the task's note field with what was typed. */
    public record Refusal(UUID taskId, String anchor, String message, String note) {

        static Refusal atNote(UUID taskId, String message, String note) {
            return new Refusal(taskId, "note-" + taskId, message, note);
        }

        /** A task no longer open has no note field: the summary links to its row. */
        static Refusal atTask(UUID taskId, String message, String note) {
            return new Refusal(taskId, "task-" + taskId, message, note);
        }

        public boolean about(UUID id) {
            return taskId.equals(id);
        }
    }

    /** One table of the page: overdue or open. */
    public record Section(String id, String heading, String caption, String empty, List<TaskRow> rows) {
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tasks(Chrome chrome, List<Section> sections, List<TaskRow> done,
                String next, Refusal refusal);
    }

    private final TaskService tasks;
    private final CurrentUser user;
    private final ConsoleUser console;
    private final Validator validator;

    public TasksPageResource(TaskService tasks, CurrentUser user, ConsoleUser console, Validator validator) {
        this.tasks = tasks;
        this.user = user;
        this.console = console;
        this.validator = validator;
    }

    @GET
    public TemplateInstance tasks(@QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("flash") @Size(max = 40) String flash) {
        return page(Cursor.decode(cursor), Flash.message(flash), null);
    }

    @POST
    @Path("/{taskId}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("taskId") UUID taskId, @RestForm String note) {
        TaskCompletionRequest request = new TaskCompletionRequest(note);
        List<String> problems = validator.validate(request).stream().map(ConstraintViolation::getMessage).sorted().toList();
        if (!problems.isEmpty()) {
            return refused(400, Refusal.atNote(taskId, "Write what was done: the note " + String.join(", ", problems) + ".", note));
        }
        try {
            tasks.complete(user.schoolScope(), taskId, request.note());
        } catch (ProblemException e) {
            if (e.type().status() != 409) {
                throw e; // missing or another school's: the one 404 page
            }
            return refused(409, Refusal.atTask(taskId, e.getMessage(), note));
        }
        return Response.seeOther(URI.create(Flash.after(ConsolePaths.TASKS, Flash.TASK_COMPLETED))).build();
    }

    private Response refused(int status, Refusal refusal) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(null, null, refusal).render()).build();
    }

    private TemplateInstance page(Cursor cursor, String flash, Refusal refusal) {
        TaskService.Page notDone = tasks.list(user.schoolScope(), null, cursor, PAGE_SIZE);
        TaskService.Page done = tasks.recentlyDone(user.schoolScope(), DONE_SHOWN);
        List<TaskRow> rows = rows(notDone);
        return Templates.tasks(console.chrome(ConsolePaths.TASKS).withFlash(flash),
                List.of(new Section("overdue-tasks", "Overdue", "Tasks past their due time, most overdue first", "No task is overdue.",
                                rows.stream().filter(TaskRow::overdue).toList()),
                        new Section("open-tasks", "Open", "Tasks not yet due, soonest first", "No open task.",
                                rows.stream().filter(r -> !r.overdue()).toList())),
                rows(done),
                notDone.next() == null ? null : notDone.next().encode(), refusal);
    }

    /** Each task as the API shows it, in the words of the rule set of the recommendation it follows. */
    private static List<TaskRow> rows(TaskService.Page page) {
        return page.tasks().stream().map(t -> {
            RuleSetWords words = page.wordsOf(t);
            return TaskRow.of(ReviewViews.task(t, page.now(), words), page.now(), words);
        }).toList();
    }
}
