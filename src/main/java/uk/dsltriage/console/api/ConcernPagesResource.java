package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.common.IdempotencyKey;
import uk.dsltriage.common.problem.ImageContentRefusedException;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.incident.IncidentService;
import uk.dsltriage.incident.api.PageView;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The staff pages: "record a concern" (the do-not-view guidance before anything else, then the form) and the concerns
 * the caller may list. Both go through {@link IncidentService} exactly as the API does, so recording, scoping,
 * idempotency and the audit of every read are the API's.
 */
@Path(ConsolePaths.CONCERNS)
@Produces(MediaType.TEXT_HTML)
public class ConcernPagesResource {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance concernNew(Chrome chrome, ConcernForm form, FormErrors errors, List<String> guidance,
                ConcernQuestions.Choices choices);

        static native TemplateInstance concerns(Chrome chrome, boolean ownOnly, boolean canRecord, boolean linkToIncident,
                List<ConcernRow> rows, long total, Integer previousPage, Integer nextPage);
    }

    private final IncidentService incidents;
    private final ConcernFormReader reader;
    private final CurrentUser user;
    private final ConsoleUser console;

    public ConcernPagesResource(IncidentService incidents, ConcernFormReader reader, CurrentUser user, ConsoleUser console) {
        this.incidents = incidents;
        this.reader = reader;
        this.user = user;
        this.console = console;
    }

    /** As {@code GET /api/v1/incidents}: staff list what they recorded, a DSL or headteacher their school's. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.DSL, Roles.HEADTEACHER})
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("flash") @Size(max = 40) String flash) {
        uk.dsltriage.incident.IncidentPage listed = incidents.list(user.schoolScope(), null, null, page, PAGE_SIZE);
        PageView concerns = PageView.of(listed);
        boolean schoolWide = console.isDsl() || console.isHeadteacher();
        return Templates.concerns(console.chrome(ConsolePaths.CONCERNS).withFlash(Flash.message(flash)),
                !schoolWide, console.isStaff() || console.isDsl(), schoolWide,
                listed.items().stream().map(ConcernRow::of).toList(), concerns.totalItems(),
                page > 0 ? page - 1 : null, page + 1 < concerns.totalPages() ? page + 1 : null);
    }

    @GET
    @Path("new")
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    public TemplateInstance form() {
        return form(ConcernForm.empty(newKey()), new FormErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.STAFF, Roles.DSL})
    public Response record(@BeanParam ConcernForm form) {
        ConcernFormReader.Read read = reader.read(form);
        if (!read.errors().isEmpty()) {
            return refused(422, form, read.errors());
        }
        try {
            IncidentService.Recorded recorded = incidents.record(user.schoolScope(), read.request().toCommand(),
                    IdempotencyKey.checked(form.idempotencyKey));
            String flash = needsActionNow(recorded) ? Flash.CONCERN_RECORDED_URGENT : Flash.CONCERN_RECORDED;
            return Response.seeOther(URI.create(Flash.after(ConsolePaths.CONCERNS, flash))).build();
        } catch (ProblemException e) {
            if (!isFormProblem(e.type().status())) {
                throw e;
            }
            // Nothing was recorded under this submission: the corrected form gets a new key, so it is not refused
            // as the reuse of a key for another concern.
            form.idempotencyKey = newKey();
            return refused(e.type().status(), form, serviceErrors(e));
        }
    }

    private static boolean needsActionNow(IncidentService.Recorded recorded) {
        var recommendation = recorded.incident().recommendation();
        Urgency urgency = recommendation == null ? null : recommendation.result().urgency();
        return urgency != null && urgency.isAtLeast(Urgency.IMMEDIATE);
    }

    private static boolean isFormProblem(int status) {
        return status == 400 || status == 409 || status == 412 || status == 422;
    }

    private static FormErrors serviceErrors(ProblemException e) {
        FormErrors errors = new FormErrors();
        if (e.type() == ProblemType.IDEMPOTENCY_KEY_REUSED) {
            return errors.add("form", "#concern-form", "This form was already used to record a concern. Check "
                    + "\"Concerns I recorded\" before you send it again.");
        }
        for (Problem.FieldError error : e.errors()) {
            String field = error.field() != null && error.field().startsWith("participants") ? "people" : "form";
            errors.add(field, field.equals("people") ? ConcernFormReader.href(field) : "#concern-form", error.message());
        }
        return errors.isEmpty() ? errors.add("form", "#concern-form", e.getMessage()) : errors;
    }

    private Response refused(int status, ConcernForm form, FormErrors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(form(form, errors)).build();
    }

    private TemplateInstance form(ConcernForm form, FormErrors errors) {
        // The API's guidance minus its last point, which names the API's fields: the page says that in its own words.
        return Templates.concernNew(console.chrome(ConsolePaths.NEW_CONCERN), form, errors,
                ImageContentRefusedException.GUIDANCE.subList(0, ImageContentRefusedException.GUIDANCE.size() - 1),
                ConcernQuestions.CHOICES);
    }

    private static String newKey() {
        return "console-" + UUID.randomUUID();
    }
}
