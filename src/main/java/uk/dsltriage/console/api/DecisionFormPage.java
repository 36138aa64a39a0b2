package uk.dsltriage.console.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.common.problem.Problem.FieldError;
import uk.dsltriage.review.DecisionOutcome;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/**
 * The decision form with what the DSL needs to choose knowingly: the recommendation described, the choices with their
 * labels, the values as entered, and what was refused, each problem tied to the id of its field.
 */
public record DecisionFormPage(UUID incidentId, String urgency, List<IncidentPage.Described> recommendedRoutes,
        List<IncidentPage.Described> must, List<IncidentPage.Described> mustNot, DecisionForm form,
        List<Choice> outcomes, List<Choice> routes, List<Choice> reasons, List<Choice> actions, List<Problem> problems,
        boolean stale) {

    /** A radio, checkbox or option: its value, label and whether it is chosen. */
    public record Choice(String value, String label, String description, boolean chosen) {
    }

    /** A refused field: the message and the id of the element it links to. */
    public record Problem(String field, String label, String target, String message) {
    }

    static DecisionFormPage of(IncidentPage page, DecisionForm form, List<FieldError> errors, boolean stale) {
        Map<String, IncidentPage.Described> described = new LinkedHashMap<>();
        page.routes().forEach(d -> described.put(d.code(), d));
        List<Choice> routes = Arrays.stream(Route.values()).map(r -> {
            IncidentPage.Described d = described.get(r.name());
            return new Choice(r.name(), d == null ? CodeLabel.of(r, page.words()).label() : d.label(),
                    d == null ? null : d.description(), form.selectedRoutes().contains(r.name()));
        }).toList();
        return new DecisionFormPage(page.id(), page.urgencyLabel(), page.routes(), page.must(), page.mustNot(), form,
                choices(DecisionOutcome.values(), List.of(form.outcome == null ? "" : form.outcome)), routes,
                choices(ParentsNotInformedReason.values(), List.of(form.parentsNotInformedReason == null ? "" : form.parentsNotInformedReason)),
                choices(RequiredAction.values(), form.selectedActions(), page.words()), problems(errors), stale);
    }

    private static List<Choice> choices(Enum<?>[] values, List<String> chosen) {
        return choices(values, chosen, RuleSetWords.NONE);
    }

    /** Choices worded by the rule set where it words them (actions), else the code in words (outcomes, reasons). */
    private static List<Choice> choices(Enum<?>[] values, List<String> chosen, RuleSetWords words) {
        return Arrays.stream(values).map(v -> new Choice(v.name(), CodeLabel.of(v, words).label(), null, chosen.contains(v.name())))
                .toList();
    }

    /** The message for a field, for its {@code .error-message}; null when it was not refused. */
    public String error(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst().orElse(null);
    }

    public boolean hasErrors() {
        return !problems.isEmpty();
    }

    private static List<Problem> problems(List<FieldError> errors) {
        List<Problem> out = new ArrayList<>();
        for (FieldError e : errors) {
            String field = field(e.field());
            out.add(new Problem(field, field.isEmpty() ? "The decision" : CodeText.ofField(field), target(field), e.message()));
        }
        return List.copyOf(out);
    }

    /** {@code dslAttestation.headteacherConsulted} is the checkbox {@code headteacherConsulted}; {@code actions[0]} is {@code actions}. */
    static String field(String path) {
        String field = path == null ? "" : path.replaceAll("\\[.*", "");
        int dot = field.lastIndexOf('.');
        return field.startsWith("dslAttestation.") ? field.substring(dot + 1) : dot < 0 ? field : field.substring(0, dot);
    }

    private static String target(String field) {
        return switch (field) {
            case "outcome" -> "outcome-" + DecisionOutcome.values()[0].name();
            case "acceptRecommendation", "parentsInformed" -> field + "-true";
            case "routes" -> "routes-" + Route.values()[0].name();
            case "actions" -> "actions-" + RequiredAction.values()[0].name();
            case "dslAttestation" -> "sufficientInformation";
            default -> field;
        };
    }
}
