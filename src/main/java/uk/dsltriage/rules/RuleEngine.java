package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a rule set against one incident (threshold-guidance §9.3): every matching rule fires, routes
 * and actions are unions, urgency is the highest, mandatory referrals withdraw internal handling, unknown
 * triggers are prompts, conflicts (forbidden beats required) are applied from the rule set's data.
 *
 * <p>Stateless, thread-safe and deterministic. It never throws: an error fails closed to DSL_REVIEW with
 * {@code dslDecisionRequired}, no internal handling, and the error named (never with input values).
 *
 * <p>Each RuleSet is compiled once, on first use, into {@link Compiled} form (node objects with arrays, bit
 * masks and precomputed explanation text); the result is exactly what interpreting the {@link Condition}
 * records gives (GoldenOutputTest and CompiledEngineMatchesReferenceTest hold it to that). Explanations are
 * built only for rules that fire, and a shared definition's reasons only once per evaluation.
 */
public final class RuleEngine {

    private static final Urgency FLOOR_ON_ERROR = Urgency.SAME_DAY;

    public Recommendation evaluate(RuleSet ruleSet, TriageInput input) {
        try {
            if (ruleSet == null) {
                return failClosed(null, "no rule set given");
            }
            return evaluateChecked(ruleSet, input);
        } catch (Throwable t) {
            return failClosed(ruleSet, "evaluation failed (" + t.getClass().getSimpleName() + ")");
        }
    }

    private Recommendation evaluateChecked(RuleSet ruleSet, TriageInput input) {
        Accumulator acc = new Accumulator();
        EvaluationContext c;
        try {
            c = new EvaluationContext(input, ruleSet.flags());
        } catch (RuntimeException e) {
            c = new EvaluationContext(null, ruleSet.flags());
            acc.errors.add("input could not be read (" + e.getClass().getSimpleName() + ")");
        }
        Compiled compiled = compiled(ruleSet);
        acc.start(compiled);
        for (Compiled.CRule rule : compiled.rules) {
            try {
                apply(rule, c, acc);
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(rule.errorPrefix + e.getClass().getSimpleName() + ")");
            }
        }
        for (Compiled.CConflict conflict : compiled.conflicts) {
            try {
                apply(conflict, c, acc);
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(conflict.errorPrefix + e.getClass().getSimpleName() + ")");
            }
        }
        return acc.build(ruleSet, c.derived().asMap());
    }

    // ---- compiled rule sets, kept per RuleSet instance (rule sets are immutable)

    private static final int CACHE_SIZE = 16;
    private static volatile Compiled[] cache = new Compiled[0];

    /** The compiled form of this exact RuleSet instance (identity, not equals: hand-built sets may share ids). */
    static Compiled compiled(RuleSet ruleSet) {
        Compiled[] recent = cache;
        for (Compiled k : recent) {
            if (k.source == ruleSet) {
                return k;
            }
        }
        Compiled k = Compiled.compile(ruleSet);
        Compiled[] next = new Compiled[Math.min(recent.length + 1, CACHE_SIZE)];
        next[0] = k;
        System.arraycopy(recent, 0, next, 1, next.length - 1);
        cache = next;
        return k;
    }

    private static final String PRECAUTION = " not known (fired as a precaution)";
    private static final String ALSO_PRECAUTION = " not known (precaution)";

    private static void apply(Compiled.CRule rule, EvaluationContext c, Accumulator acc) {
        if (!rule.enabled) {
            return;
        }
        Compiled.Node condition = rule.condition;
        Tri result = condition.eval(c);
        if (result == Tri.FALSE) {
            return;
        }
        Compiled.Reasons reasons = acc.reasons;
        reasons.reset();
        if (result == Tri.UNKNOWN) {
            if (rule.onUnknown == UnknownPolicy.ASK) {
                condition.missing(c, acc.missing);
                return;
            }
            if (rule.onUnknown != UnknownPolicy.FIRE) {
                return;
            }
            Set<String> unknown = new TreeSet<>();
            condition.missing(c, unknown);
            reasons.add(String.join(", ", unknown) + PRECAUTION);
        } else {
            condition.whyTrue(c, reasons);
        }
        acc.add(rule.outcome);
        List<String> extras = rule.also.length == 0 ? List.of() : new ArrayList<>();
        for (Compiled.CAlso also : rule.also) {
            Tri t = also.when.eval(c);
            if (t == Tri.TRUE || (t == Tri.UNKNOWN && also.onUnknown == UnknownPolicy.FIRE)) {
                acc.add(also.outcome);
                Compiled.Reasons alsoReasons = acc.alsoReasons;
                alsoReasons.reset();
                if (t == Tri.TRUE) {
                    also.when.whyTrue(c, alsoReasons);
                } else {
                    Set<String> unknown = new TreeSet<>();
                    also.when.missing(c, unknown);
                    alsoReasons.add(String.join(", ", unknown) + ALSO_PRECAUTION);
                }
                extras.add(alsoReasons.join(also.head, ")"));
            } else if (t == Tri.UNKNOWN && also.onUnknown == UnknownPolicy.ASK) {
                also.when.missing(c, acc.missing);
            }
        }
        String explanation = rule.explanation.build(reasons, extras);
        acc.fire(rule.slot, new FiredRule(rule.id, rule.rule.title(), explanation, rule.rule.citations()));
    }

    private static void apply(Compiled.CConflict conflict, EvaluationContext c, Accumulator acc) {
        if (conflict.whenRoutesList.length > 0 && (acc.routes & conflict.whenRoutes) == 0) {
            return;
        }
        if (conflict.whenForbiddenList.length > 0 && (acc.forbidden & conflict.whenForbidden) == 0) {
            return;
        }
        Compiled.Reasons reasons = acc.reasons;
        reasons.reset();
        Compiled.Node condition = conflict.condition;
        if (condition != null) {
            Tri t = condition.eval(c);
            if (t == Tri.UNKNOWN && conflict.onUnknown == UnknownPolicy.ASK) {
                condition.missing(c, acc.missing);
            }
            if (t == Tri.FALSE || (t == Tri.UNKNOWN && conflict.onUnknown != UnknownPolicy.FIRE)) {
                return;
            }
            if (t == Tri.TRUE) {
                condition.whyTrue(c, reasons);
            } else {
                reasons.add("facts not known (applied as a precaution)");
            }
        }
        Route[] routes = conflict.whenRoutesList;
        for (int i = 0; i < routes.length; i++) {
            if ((acc.routes & (1L << routes[i].ordinal())) != 0) {
                reasons.add(conflict.routeReasons[i]);
            }
        }
        ForbiddenAction[] forbidden = conflict.whenForbiddenList;
        for (int i = 0; i < forbidden.length; i++) {
            if ((acc.forbidden & (1L << forbidden[i].ordinal())) != 0) {
                reasons.add(conflict.forbiddenReasons[i]);
            }
        }
        acc.forbidden |= conflict.addForbidden;
        acc.required &= ~conflict.removeRequired;
        acc.routes &= ~conflict.removeRoutes;
        acc.routes |= conflict.addRoutes;
        String explanation = conflict.explanation.build(reasons, List.of());
        acc.fire(conflict.slot, new FiredRule(conflict.id, conflict.conflict.title(), explanation,
                conflict.conflict.citations()));
    }

    private static Recommendation failClosed(RuleSet ruleSet, String error) {
        return new Recommendation(ruleSet == null ? null : ruleSet.ruleSetId(),
                ruleSet == null ? null : ruleSet.version(), ruleSet == null ? null : ruleSet.sha256(),
                List.of(Route.DSL_REVIEW), FLOOR_ON_ERROR, List.of(RequiredAction.RECORD_CONCERN_DECISIONS_RATIONALE),
                List.of(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL), true, List.of(), List.of(), Map.of(),
                List.of(error));
    }

    private static final Route[] ROUTES = Route.values();
    private static final RequiredAction[] REQUIRED = RequiredAction.values();
    private static final ForbiddenAction[] FORBIDDEN = ForbiddenAction.values();
    private static final long MANAGE_INTERNALLY = 1L << Route.MANAGE_INTERNALLY_ELIGIBLE.ordinal();

    /** Unions as bit masks by ordinal (every enum here has fewer than 64 values); fired rules by id slot. */
    private static final class Accumulator {
        long routes;
        long required;
        long forbidden;
        final TreeSet<String> missing = new TreeSet<>();
        FiredRule[] fired;
        int firedCount;
        final List<String> errors = new ArrayList<>();
        Compiled.Reasons reasons;
        Compiled.Reasons alsoReasons;
        Urgency urgency;
        boolean withdrawInternalHandling;
        boolean dslDecision;

        void start(Compiled compiled) {
            fired = new FiredRule[compiled.slots];
            Compiled.DefinitionMemo memo = new Compiled.DefinitionMemo(compiled.definitions);
            reasons = new Compiled.Reasons(memo);
            alsoReasons = new Compiled.Reasons(memo);
        }

        void add(Compiled.COutcome o) {
            routes |= o.routes;
            required |= o.required;
            forbidden |= o.forbidden;
            urgency = Urgency.highest(urgency, o.urgency);
            withdrawInternalHandling |= o.withdraws;
            dslDecision |= o.dslDecision;
        }

        /** As a put into a map sorted by id: a later rule with the same id replaces the earlier one. */
        void fire(int slot, FiredRule rule) {
            if (slot < 0) {
                throw new NullPointerException();
            }
            if (fired[slot] == null) {
                firedCount++;
            }
            fired[slot] = rule;
        }

        Recommendation build(RuleSet ruleSet, Map<String, Object> derivedFacts) {
            boolean failed = !errors.isEmpty();
            // Unresolved triggers (missing facts) withhold internal handling just as a fired referral does.
            if (withdrawInternalHandling || !missing.isEmpty() || failed) {
                routes &= ~MANAGE_INTERNALLY;
            }
            routes |= 1L << Route.DSL_REVIEW.ordinal();
            if (failed) {
                urgency = Urgency.highest(urgency, FLOOR_ON_ERROR);
                forbidden |= 1L << ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL.ordinal();
            }
            boolean decision = dslDecision || failed || !missing.isEmpty() || (routes & MANAGE_INTERNALLY) != 0;
            FiredRule[] firedRules = new FiredRule[firedCount];
            int n = 0;
            for (FiredRule f : fired) {
                if (f != null) {
                    firedRules[n++] = f;
                }
            }
            return new Recommendation(ruleSet.ruleSetId(), ruleSet.version(), ruleSet.sha256(),
                    list(routes, ROUTES), urgency == null ? Urgency.REVIEW : urgency, list(required, REQUIRED),
                    list(forbidden, FORBIDDEN), decision, List.copyOf(missing), List.of(firedRules),
                    derivedFacts, List.copyOf(errors));
        }

        /** The set members in declaration order, as List.copyOf(anEnumSet) would give them. */
        private static <E extends Enum<E>> List<E> list(long mask, E[] values) {
            Object[] out = new Object[Long.bitCount(mask)];
            int n = 0;
            while (mask != 0) {
                out[n++] = values[Long.numberOfTrailingZeros(mask)];
                mask &= mask - 1;
            }
            @SuppressWarnings("unchecked")
            List<E> list = (List<E>) (List<?>) List.of(out);
            return list;
        }
    }
}
