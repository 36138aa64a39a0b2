package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.common.problem.Problem.FieldError;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.incident.IncidentService;
import uk.dsltriage.incident.api.IncidentView;
import uk.dsltriage.review.DecisionService;
import uk.dsltriage.review.api.DecisionRequest;
import uk.dsltriage.review.api.IfMatch;
import uk.dsltriage.review.api.ReviewViews;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;
import uk.dsltriage.triage.api.RecommendationView;

/**
 * An incident and the DSL's decision on it. The pages read and decide through the services the API uses, so each
 * view is scoped and audited as the API's reads are, and a decision is checked by the same rules.
 */
@Path("/console/incidents/{id}")
@Produces(MediaType.TEXT_HTML)
public class IncidentPagesResource {

    /** Refusals that mean the incident moved on since the form was shown. */
    private static final Set<ProblemType> STALE = Set.of(ProblemType.PRECONDITION_FAILED, ProblemType.PRECONDITION_REQUIRED,
            ProblemType.CONFLICT);
    private static final Set<ProblemType> REFUSED = Set.of(ProblemType.VALIDATION_FAILED, ProblemType.DECISION_NOT_ALLOWED);

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance incident(Chrome chrome, IncidentPage page);

        static native TemplateInstance decision(Chrome chrome, DecisionFormPage page);
    }

    private final IncidentService incidents;
    private final DecisionService decisions;
    private final CurrentUser user;
    private final ConsoleUser console;
    private final Validator validator;

    public IncidentPagesResource(IncidentService incidents, DecisionService decisions, CurrentUser user, ConsoleUser console,
            Validator validator) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.user = user;
        this.console = console;
        this.validator = validator;
    }

    @GET
    @RolesAllowed({Roles.DSL, Roles.HEADTEACHER})
    public TemplateInstance incident(@PathParam("id") UUID id, @QueryParam("flash") @Size(max = 40) String flash) {
        return Templates.incident(console.chrome(ConsolePaths.incident(id)).withFlash(Flash.message(flash)), read(id));
    }

    @GET
    @Path("decision")
    @RolesAllowed(Roles.DSL)
    public TemplateInstance decisionForm(@PathParam("id") UUID id) {
        IncidentPage page = read(id);
        if (!page.canDecide()) {
            throw ProblemException.conflict("This incident is closed: reopen it before recording a decision.");
        }
        DecisionForm form = DecisionForm.blank(page.review().etag(), page.must().stream().map(IncidentPage.Described::code).toList());
        return Templates.decision(console.chrome(ConsolePaths.incident(id)), DecisionFormPage.of(page, form, List.of(), false));
    }

    @POST
    @Path("decision")
    @RolesAllowed(Roles.DSL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @BeanParam DecisionForm form) {
        List<FieldError> errors = new ArrayList<>();
        DecisionRequest request = form.toRequest(errors);
        errors.addAll(violations(request));
        if (!errors.isEmpty()) {
            return reshow(id, form, errors, false);
        }
        try {
            decisions.beginReviewAndDecide(user.schoolScope(), id, IfMatch.version(form.version), request.toCommand());
        } catch (ProblemException refused) {
            if (STALE.contains(refused.type())) {
                return reshow(id, form, List.of(), true);
            }
            if (REFUSED.contains(refused.type())) {
                return reshow(id, form, refused.errors(), false);
            }
            throw refused;
        }
        return Response.seeOther(URI.create(Flash.after(ConsolePaths.incident(id), Flash.DECISION_RECORDED))).build();
    }

    private IncidentPage read(UUID id) {
        AccessScope scope = user.schoolScope();
        // The review first: its ETag is never newer than what the page shows, so any later change makes the form stale.
        DecisionService.ReviewState state = decisions.state(scope, id);
        IncidentView incident = IncidentView.of(incidents.get(scope, id));
        List<RecommendationView> history = incidents.recommendations(scope, id).stream().map(RecommendationView::of).toList();
        return IncidentPage.of(incident, ReviewViews.review(state), history, console.isDsl(), state.words());
    }

    private Response reshow(UUID id, DecisionForm form, List<FieldError> errors, boolean stale) {
        DecisionFormPage page = DecisionFormPage.of(read(id), form, errors, stale);
        return Response.status(stale ? 409 : 422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.decision(console.chrome(ConsolePaths.incident(id)), page).render()).build();
    }

    /** The API's own constraints on a decision, in plain words where the constraint's message is terse. */
    private List<FieldError> violations(DecisionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<DecisionRequest> v : validator.validate(request)) {
            String message = switch (v.getMessage()) {
                case "must not be null" -> "choose an answer";
                case "must not be blank" -> "enter an answer";
                default -> v.getMessage();
            };
            errors.add(new FieldError(v.getPropertyPath().toString(), message));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return errors;
    }
}
