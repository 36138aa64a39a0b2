package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.review.ReviewTask;
import uk.dsltriage.review.TaskService;
import uk.dsltriage.review.TaskStatus;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.security.Roles;

@Path("/api/v1/tasks")
@Tag(name = "Tasks", description = "Deadlines of decisions: each route and required action, due by its urgency")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService tasks;
    private final CurrentUser user;

    public TaskResource(TaskService tasks, CurrentUser user) {
        this.tasks = tasks;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "listTasks", summary = "The school's tasks in due order",
            description = "status OPEN (not done, not yet due), OVERDUE (not done, past due) or DONE; without status, every task not done.")
    @APIResponse(responseCode = "200", description = "A page of tasks",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskPageView.class)))
    public TaskPageView list(@QueryParam("status") @Parameter(schema = @Schema(implementation = TaskStatus.class)) @Size(max = 32) String status,
            @QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        TaskService.Page page = tasks.list(user.schoolScope(), parse(status), Cursor.decode(cursor), size);
        return new TaskPageView(page.tasks().stream().map(t -> ReviewViews.task(t, page.now(), page.wordsOf(t))).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "completeTask", summary = "Mark a task done, with a note", description = "A task is completed once; again is 409.")
    @APIResponse(responseCode = "200", description = "Done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    public TaskView complete(@PathParam("id") UUID id, @NotNull @Valid TaskCompletionRequest request) {
        ReviewTask task = tasks.complete(user.schoolScope(), id, request.note());
        return ReviewViews.task(task, tasks.now(), tasks.wordsOf(List.of(task)).getOrDefault(task.id, RuleSetWords.NONE));
    }

    private static TaskStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (TaskStatus s : TaskStatus.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw ProblemException.invalid("status", "not one of the allowed values: OPEN, OVERDUE, DONE");
    }
}
