package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine as it was before it compiled rule sets (the 2026-11 performance work), kept as a test oracle for the
 * accumulator (unions, conflicts, fired-rule order, fail-closed): it interprets the
 * {@link Condition} records directly through their own eval/missing/whyTrue methods, which are unchanged.
 * Test-only, kept as the reference that {@link CompiledEngineMatchesReferenceTest} compares with.
 */
final class ReferenceEngine {

    private static final Urgency FLOOR_ON_ERROR = Urgency.SAME_DAY;

    Recommendation evaluate(RuleSet ruleSet, TriageInput input) {
        try {
            if (ruleSet == null) {
                return failClosed(null, new EvaluationError(EvaluationError.Code.NO_RULE_SET, "no rule set given"));
            }
            return evaluateChecked(ruleSet, input);
        } catch (Throwable t) {
            return failClosed(ruleSet, new EvaluationError(EvaluationError.Code.EVALUATION_FAILED, "evaluation failed"));
        }
    }

    private Recommendation evaluateChecked(RuleSet ruleSet, TriageInput input) {
        Accumulator acc = new Accumulator();
        EvaluationContext c;
        try {
            c = new EvaluationContext(input, ruleSet.flags(), ruleSet.facts());
        } catch (RuntimeException e) {
            c = new EvaluationContext(null, ruleSet.flags(), ruleSet.facts());
            acc.errors.add(new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read"));
        }
        for (Rule rule : ruleSet.rules()) {
            try {
                apply(rule, c, acc);
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(new EvaluationError(EvaluationError.Code.RULE_FAILED, rule.id() + ": evaluation failed"));
            }
        }
        for (ConflictRule conflict : ruleSet.conflicts()) {
            try {
                apply(conflict, c, acc);
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(new EvaluationError(EvaluationError.Code.RULE_FAILED, conflict.id() + ": evaluation failed"));
            }
        }
        return acc.build(ruleSet, c.derived().asMap());
    }

    private static void apply(Rule rule, EvaluationContext c, Accumulator acc) {
        if (rule.enabledByFlag() != null && !c.flag(rule.enabledByFlag())) {
            return;
        }
        Tri result = rule.condition().eval(c);
        if (result == Tri.FALSE) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (result == Tri.UNKNOWN) {
            if (rule.onUnknown() == UnknownPolicy.ASK) {
                rule.condition().missing(c, acc.missing);
                return;
            }
            if (rule.onUnknown() != UnknownPolicy.FIRE) {
                return;
            }
            Set<String> unknown = new TreeSet<>();
            rule.condition().missing(c, unknown);
            reasons.add(String.join(", ", unknown) + " not known (fired as a precaution)");
        } else {
            rule.condition().whyTrue(c, reasons);
        }
        acc.add(rule.outcome());
        List<String> extras = rule.also().isEmpty() ? List.of() : new ArrayList<>();
        for (ConditionalOutcome also : rule.also()) {
            Tri t = also.when().eval(c);
            if (t == Tri.TRUE || (t == Tri.UNKNOWN && also.onUnknown() == UnknownPolicy.FIRE)) {
                acc.add(also.outcome());
                List<String> alsoReasons = new ArrayList<>();
                if (t == Tri.TRUE) {
                    also.when().whyTrue(c, alsoReasons);
                } else {
                    Set<String> unknown = new TreeSet<>();
                    also.when().missing(c, unknown);
                    alsoReasons.add(String.join(", ", unknown) + " not known (precaution)");
                }
                extras.add(also.explanation() + " (" + String.join(" and ", new java.util.LinkedHashSet<>(alsoReasons)) + ")");
            } else if (t == Tri.UNKNOWN && also.onUnknown() == UnknownPolicy.ASK) {
                also.when().missing(c, acc.missing);
            }
        }
        acc.fired.put(rule.id(), new FiredRule(rule.id(), rule.title(),
                explain(rule.explanation(), reasons, extras), rule.citations()));
    }

    private static void apply(ConflictRule conflict, EvaluationContext c, Accumulator acc) {
        if (!conflict.whenRoutesAny().isEmpty() && Collections.disjoint(acc.routes, conflict.whenRoutesAny())) {
            return;
        }
        if (!conflict.whenForbiddenAny().isEmpty()
                && Collections.disjoint(acc.forbidden, conflict.whenForbiddenAny())) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (conflict.condition() != null) {
            Tri t = conflict.condition().eval(c);
            if (t == Tri.UNKNOWN && conflict.onUnknown() == UnknownPolicy.ASK) {
                conflict.condition().missing(c, acc.missing);
            }
            if (t == Tri.FALSE || (t == Tri.UNKNOWN && conflict.onUnknown() != UnknownPolicy.FIRE)) {
                return;
            }
            if (t == Tri.TRUE) {
                conflict.condition().whyTrue(c, reasons);
            } else {
                reasons.add("facts not known (applied as a precaution)");
            }
        }
        for (Route r : conflict.whenRoutesAny()) {
            if (acc.routes.contains(r)) {
                reasons.add("route " + r + " is recommended");
            }
        }
        for (ForbiddenAction f : conflict.whenForbiddenAny()) {
            if (acc.forbidden.contains(f)) {
                reasons.add(f + " is forbidden");
            }
        }
        acc.forbidden.addAll(conflict.addForbiddenActions());
        conflict.removeRequiredActions().forEach(acc.required::remove);
        conflict.removeRoutes().forEach(acc.routes::remove);
        acc.routes.addAll(conflict.addRoutes());
        acc.fired.put(conflict.id(), new FiredRule(conflict.id(), conflict.title(),
                explain(conflict.explanation(), reasons, List.of()), conflict.citations()));
    }

    private static String explain(String template, List<String> reasons, List<String> extras) {
        // Each reason once (issue 9: "childDepictedUnder18 is true and childDepictedUnder18 is true").
        String because = reasons.isEmpty() ? "its conditions hold" : String.join(" and ", new java.util.LinkedHashSet<>(reasons));
        StringBuilder sb = new StringBuilder();
        if (template != null && template.contains("{because}")) {
            sb.append(template.replace("{because}", because));
        } else {
            if (template != null && !template.isBlank()) {
                sb.append(template.strip()).append(' ');
            }
            sb.append("Fired because ").append(because).append('.');
        }
        for (String extra : extras) {
            sb.append(" Also: ").append(extra).append('.');
        }
        return sb.toString();
    }

    private static Recommendation failClosed(RuleSet ruleSet, EvaluationError error) {
        return new Recommendation(ruleSet == null ? null : ruleSet.ruleSetId(),
                ruleSet == null ? null : ruleSet.version(), ruleSet == null ? null : ruleSet.sha256(),
                List.of(Route.DSL_REVIEW), FLOOR_ON_ERROR, List.of(RequiredAction.RECORD_CONCERN_DECISIONS_RATIONALE),
                List.of(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL), true, List.of(), List.of(), Map.of(),
                List.of(error));
    }

    private static final class Accumulator {
        final EnumSet<Route> routes = EnumSet.noneOf(Route.class);
        final EnumSet<RequiredAction> required = EnumSet.noneOf(RequiredAction.class);
        final EnumSet<ForbiddenAction> forbidden = EnumSet.noneOf(ForbiddenAction.class);
        final TreeSet<String> missing = new TreeSet<>();
        final TreeMap<String, FiredRule> fired = new TreeMap<>();
        final List<EvaluationError> errors = new ArrayList<>();
        Urgency urgency;
        boolean withdrawInternalHandling;
        boolean dslDecision;

        void add(Outcome o) {
            routes.addAll(o.routes());
            required.addAll(o.requiredActions());
            forbidden.addAll(o.forbiddenActions());
            urgency = Urgency.highest(urgency, o.urgency());
            withdrawInternalHandling |= o.withdrawsInternalHandling();
            dslDecision |= o.dslDecisionRequired();
        }

        Recommendation build(RuleSet ruleSet, Map<String, Object> derivedFacts) {
            boolean failed = !errors.isEmpty();
            if (withdrawInternalHandling || !missing.isEmpty() || failed) {
                routes.remove(Route.MANAGE_INTERNALLY_ELIGIBLE);
            }
            routes.add(Route.DSL_REVIEW);
            if (failed) {
                urgency = Urgency.highest(urgency, FLOOR_ON_ERROR);
                forbidden.add(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL);
            }
            boolean decision = dslDecision || failed || !missing.isEmpty()
                    || routes.contains(Route.MANAGE_INTERNALLY_ELIGIBLE);
            return new Recommendation(ruleSet.ruleSetId(), ruleSet.version(), ruleSet.sha256(),
                    List.copyOf(routes), urgency == null ? Urgency.REVIEW : urgency, List.copyOf(required),
                    List.copyOf(forbidden), decision, List.copyOf(missing), List.copyOf(fired.values()),
                    derivedFacts, List.copyOf(errors));
        }
    }
}
