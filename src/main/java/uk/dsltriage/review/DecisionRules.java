package uk.dsltriage.review;

import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.dsltriage.common.problem.Problem.FieldError;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.triage.Advice;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/**
 * What makes a decision acceptable against the recommendation it answers. Incomplete reasons are 400 (the record
 * would not say why); a decision the guidance does not allow (internal handling without the full attestation, an
 * action the recommendation forbids) is 422. Pure, so every rule is tested without a server.
 */
public final class DecisionRules {

    /** Routes that describe the review itself, not something to do. */
    static final Set<Route> NOT_TASKS = Set.of(Route.DSL_REVIEW, Route.MANAGE_INTERNALLY_ELIGIBLE);
    /** A decision that refers nobody is reviewed within this time. */
    static final int MAX_REVIEW_YEARS = 2;

    private DecisionRules() {
    }

    /** The routes the decision takes: the recommendation's when accepted, else the DSL's own choice. */
    public static List<Route> routesTaken(DecisionCommand decision, Advice recommendation) {
        return decision.acceptRecommendation() ? recommendation.routes() : decision.routes();
    }

    public static void check(DecisionCommand decision, Advice recommendation, LocalDate today) {
        List<FieldError> invalid = incomplete(decision, today);
        if (!invalid.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The decision is incomplete.", invalid);
        }
        List<FieldError> refused = notAllowed(decision, recommendation);
        if (!refused.isEmpty()) {
            throw new ProblemException(ProblemType.DECISION_NOT_ALLOWED,
                    "The guidance does not allow this decision as recorded.", refused);
        }
    }

    static List<FieldError> incomplete(DecisionCommand d, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        boolean noRationale = d.rationale() == null || d.rationale().isBlank();
        if (!d.acceptRecommendation() && noRationale) {
            errors.add(new FieldError("rationale", "required when the recommendation is not accepted in full"));
        } else if (d.outcome() == DecisionOutcome.NO_FURTHER_ACTION && noRationale) {
            errors.add(new FieldError("rationale", "required for a decision of no further action"));
        }
        if (!d.acceptRecommendation() && d.routes() == null) {
            errors.add(new FieldError("routes", "required when the recommendation is not accepted (an empty list refers nobody)"));
        }
        if (d.acceptRecommendation() && d.routes() != null) {
            errors.add(new FieldError("routes", "leave out when accepting the recommendation: its routes are taken"));
        }
        if (!d.parentsInformed() && d.parentsNotInformedReason() == null) {
            errors.add(new FieldError("parentsNotInformedReason", "required when parents or carers were not informed; one of "
                    + Arrays.toString(ParentsNotInformedReason.values())));
        }
        if (d.parentsInformed() && d.parentsNotInformedReason() != null) {
            errors.add(new FieldError("parentsNotInformedReason", "only when parents or carers were not informed"));
        }
        if (d.outcome().refersNobody() && d.reviewBy() == null) {
            errors.add(new FieldError("reviewBy", "required when nobody outside the school is referred"));
        }
        if (d.reviewBy() != null && d.reviewBy().isBefore(today)) {
            errors.add(new FieldError("reviewBy", "must not be in the past"));
        }
        if (d.reviewBy() != null && d.reviewBy().isAfter(today.plusYears(MAX_REVIEW_YEARS))) {
            errors.add(new FieldError("reviewBy", "must be within " + MAX_REVIEW_YEARS + " years"));
        }
        for (String action : d.actions()) {
            if (!isAction(action)) {
                errors.add(new FieldError("actions", "not an action of the vocabulary"));
                break;
            }
        }
        return errors;
    }

    static List<FieldError> notAllowed(DecisionCommand d, Advice recommendation) {
        List<FieldError> errors = new ArrayList<>();
        List<Route> routes = routesTaken(d, recommendation);
        if (d.outcome() == DecisionOutcome.MANAGED_INTERNALLY) {
            DecisionCommand.Attestation a = d.dslAttestation();
            if (a == null || !Boolean.TRUE.equals(a.sufficientInformation())) {
                errors.add(new FieldError("dslAttestation.sufficientInformation", "must be attested for internal handling"));
            }
            if (a == null || !Boolean.TRUE.equals(a.risksManageableInSetting())) {
                errors.add(new FieldError("dslAttestation.risksManageableInSetting", "must be attested for internal handling"));
            }
            if (a == null || !Boolean.TRUE.equals(a.headteacherConsulted())) {
                errors.add(new FieldError("dslAttestation.headteacherConsulted", "must be attested for internal handling"));
            }
            if (d.acceptRecommendation() && !recommendation.routes().contains(Route.MANAGE_INTERNALLY_ELIGIBLE)) {
                errors.add(new FieldError("acceptRecommendation",
                        "the recommendation does not offer internal handling; record an override with its rationale"));
            }
        }
        if (d.outcome() == DecisionOutcome.REFERRED && routes.stream().allMatch(NOT_TASKS::contains)) {
            errors.add(new FieldError("routes", "a referral names at least one route"));
        }
        Set<String> forbidden = new LinkedHashSet<>();
        recommendation.forbiddenActions().forEach(f -> forbidden.add(f.name()));
        for (String action : d.actions()) {
            if (forbidden.contains(action)) {
                errors.add(new FieldError("actions", "the recommendation forbids " + action));
            }
        }
        if (forbidden.contains(ForbiddenAction.INFORM_PARENTS_BEFORE_CSC_ADVICE.name())) {
            // Whether parents were informed is a fact of the record and may follow advice; planning to inform them is not allowed.
            if (routes.contains(Route.PARENTS_INFORM)) {
                errors.add(new FieldError("routes",
                        "the recommendation forbids informing parents before advice from children's social care or police"));
            }
        }
        return errors;
    }

    static boolean isAction(String name) {
        return Arrays.stream(RequiredAction.values()).anyMatch(a -> a.name().equals(name))
                || Arrays.stream(ForbiddenAction.values()).anyMatch(a -> a.name().equals(name));
    }
}
