package uk.dsltriage.review;

import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import java.time.LocalDate;
import java.util.List;
import uk.dsltriage.vocabulary.Route;

/**
 * A DSL's decision as the service receives it (no HTTP types). {@code routes} is null when the recommendation is
 * accepted in full; {@code actions} are further actions named from the action vocabulary.
 */
public record DecisionCommand(
        DecisionOutcome outcome,
        boolean acceptRecommendation,
        List<Route> routes,
        String rationale,
        boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason,
        String childViews,
        String childViewsWeighed,
        LocalDate reviewBy,
        Attestation dslAttestation,
        List<String> actions) {

    public DecisionCommand {
        routes = routes == null ? null : List.copyOf(routes);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The DSL's attestation for internal handling; every part must be true. */
    public record Attestation(Boolean sufficientInformation, Boolean risksManageableInSetting, Boolean headteacherConsulted) {
    }
}
