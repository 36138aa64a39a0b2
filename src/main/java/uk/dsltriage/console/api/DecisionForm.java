package uk.dsltriage.console.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import uk.dsltriage.common.problem.Problem.FieldError;
import uk.dsltriage.review.DecisionOutcome;
import uk.dsltriage.review.api.DecisionRequest;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.Route;

/**
 * The decision form as the browser posts it (docs/console.md: the names are {@link DecisionRequest}'s). It is kept
 * as entered, so a refused form is shown again exactly as the DSL left it.
 */
public class DecisionForm {

    @RestForm public String outcome;
    @RestForm public String acceptRecommendation;
    @RestForm public List<String> routes;
    @RestForm public String rationale;
    @RestForm public String parentsInformed;
    @RestForm public String parentsNotInformedReason;
    @RestForm public String childViews;
    @RestForm public String childViewsWeighed;
    @RestForm public String reviewBy;
    @RestForm public String sufficientInformation;
    @RestForm public String risksManageableInSetting;
    @RestForm public String headteacherConsulted;
    @RestForm public List<String> actions;
    @RestForm public String version;

    /** An empty form for the first showing; the required actions are ticked because the recommendation asks for them. */
    static DecisionForm blank(String version, List<String> requiredActions) {
        DecisionForm form = new DecisionForm();
        form.version = version;
        form.actions = List.copyOf(requiredActions);
        form.routes = List.of();
        return form;
    }

    /** The form as a {@link DecisionRequest}; a value that is not one of the choices offered is an error of its field. */
    DecisionRequest toRequest(List<FieldError> errors) {
        Boolean accept = bool(acceptRecommendation);
        List<Route> chosen = new ArrayList<>();
        for (String route : selected(routes)) {
            Route r = choice(Route.class, route, "routes", errors);
            if (r != null) {
                chosen.add(r);
            }
        }
        boolean attested = isTicked(sufficientInformation) || isTicked(risksManageableInSetting) || isTicked(headteacherConsulted);
        return new DecisionRequest(choice(DecisionOutcome.class, outcome, "outcome", errors), accept,
                Boolean.TRUE.equals(accept) && chosen.isEmpty() ? null : chosen, rationale, bool(parentsInformed),
                choice(ParentsNotInformedReason.class, parentsNotInformedReason, "parentsNotInformedReason", errors),
                childViews, childViewsWeighed, date(errors),
                attested ? new AttestationBody(isTicked(sufficientInformation), isTicked(risksManageableInSetting),
                        isTicked(headteacherConsulted)) : null,
                selected(actions));
    }

    public List<String> selectedRoutes() {
        return selected(routes);
    }

    public List<String> selectedActions() {
        return selected(actions);
    }

    public boolean isTicked(String value) {
        return "true".equals(value);
    }

    private static List<String> selected(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static Boolean bool(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private LocalDate date(List<FieldError> errors) {
        if (reviewBy == null || reviewBy.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(reviewBy.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("reviewBy", "enter a real date"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "choose one of the options shown"));
        return null;
    }
}
