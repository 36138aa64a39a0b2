package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Evaluates a rule set against one incident (threshold-guidance §9.3): every matching rule fires, routes
 * and actions are unions, urgency is the highest, mandatory referrals withdraw internal handling, unknown
 * triggers are prompts, conflicts (forbidden beats required) are applied from the rule set's data.
 *
 * <p>Stateless (only per-thread scratch, cleared before use), thread-safe and deterministic. It never throws: an
 * error fails closed to DSL_REVIEW with {@code dslDecisionRequired}, no internal handling, and an
 * {@link EvaluationError} (a code and a message naming at most a rule id; never input values, never an exception's
 * name). Rule sets are checked when built, so an error here means unreadable input or a defect.
 *
 * <p>The {@link Condition} records are the one evaluator: one pass over a rule's condition gives its value, and
 * for the rules that fire its reasons or its missing facts. What does not depend on the input (outcomes as bit
 * masks, fired-rule order, explanation templates, the plain tests that settle a condition FALSE before it is walked)
 * is worked out once, when the rule set is built ({@link CompiledRuleSet}, {@link FactGuard}); an explanation once
 * written is kept for the same rule and reasons ({@link CompiledRuleSet.FiredRules}). A rule whose inputs are all
 * plain ({@link PlainInputs}) is walked once per combination of their values: what it adds to a result is kept by
 * those values ({@link CompiledRuleSet.Contributions}) and read back, complete with its explanation, for the next
 * input with the same ones. A rule that fails adds nothing but its error.
 */
public final class RuleEngine {

    private static final Urgency FLOOR_ON_ERROR = Urgency.SAME_DAY;
    private static final String PRECAUTION = " not known (fired as a precaution)";
    private static final String ALSO_PRECAUTION = " not known (precaution)";

    public Recommendation evaluate(RuleSet ruleSet, TriageInput input) {
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
        CompiledRuleSet compiled = ruleSet.compiled();
        Accumulator acc = new Accumulator(SCRATCH.get(), compiled.slots);
        EvaluationContext c;
        try {
            c = new EvaluationContext(input, ruleSet.flags(), ruleSet.facts());
        } catch (RuntimeException e) {
            c = new EvaluationContext(null, ruleSet.flags(), ruleSet.facts());
            acc.errors.add(new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read"));
        }
        c.prerendered(compiled.noParticipantHas);
        applyRules(compiled, c, acc);
        for (CompiledRuleSet.CConflict conflict : compiled.conflicts) {
            try {
                apply(conflict, c, acc);
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(ruleFailed(conflict.conflict.id()));
            }
        }
        return acc.build(ruleSet, c.derived().asMap());
    }

    /**
     * Every rule, in order. The rules of the {@link PlainPart} keyable for this input are added at once when their sum
     * is kept for its key; otherwise they are applied one by one like the others and their sum kept (unless one of
     * them failed).
     */
    private static void applyRules(CompiledRuleSet compiled, EvaluationContext c, Accumulator acc) {
        PlainPart part = compiled.plainPart;
        long state = 0;
        long[] key = null;
        PlainPart.Sum sum = null;
        if (part != null) {
            try {
                state = part.state(c);
                key = acc.partKey(part.length());
                part.fill(c, state, key);
                sum = part.sums.find(key, part.length());
            } catch (RuntimeException | StackOverflowError e) {
                // A condition that fails here fails its own rules below, one by one, as it always has.
                part = null;
            }
        }
        PlainPart.SumBuilder building = null;
        if (sum != null) {
            acc.add(sum);
        } else if (part != null) {
            building = new PlainPart.SumBuilder();
        }
        for (CompiledRuleSet.CRule rule : compiled.rules) {
            boolean keyed = part != null && rule.partNeeds >= 0 && (state & rule.partNeeds) == rule.partNeeds;
            if (keyed && sum != null) {
                continue;
            }
            try {
                // A rule of the part not keyable for this input would find its own key unusable too: walked at once.
                boolean mayKey = part == null || rule.partNeeds < 0 || keyed;
                CompiledRuleSet.Contribution added = apply(rule, c, acc, mayKey);
                if (keyed && building != null) {
                    building.add(rule.slot, added);
                }
            } catch (RuntimeException | StackOverflowError e) {
                acc.errors.add(ruleFailed(rule.rule.id()));
                building = keyed ? null : building;
            }
        }
        if (building != null) {
            part.sums.keep(key, part.length(), building.build());
        }
    }

    private static EvaluationError ruleFailed(String id) {
        return new EvaluationError(EvaluationError.Code.RULE_FAILED, id + ": evaluation failed");
    }

    /** The rule applied to the result (without a key unless {@code mayKey}); what it added. */
    private static CompiledRuleSet.Contribution apply(CompiledRuleSet.CRule compiled, EvaluationContext c,
            Accumulator acc, boolean mayKey) {
        if (!compiled.enabled || compiled.guard.settlesFalse(c)) {
            return CompiledRuleSet.Contribution.NONE;
        }
        PlainInputs plain = compiled.plain;
        int length = plain == null ? 0 : plain.length();
        long[] key = acc.key(length);
        CompiledRuleSet.Contribution added;
        if (plain == null || !mayKey || !plain.fill(c, key)) {
            added = walk(compiled, c, acc);
        } else {
            added = compiled.contributions.find(key, length);
            if (added == null) {
                added = walk(compiled, c, acc);
                compiled.contributions.keep(key, length, added);
            }
        }
        acc.add(compiled.slot, added);
        return added;
    }

    /** The rule's condition and conditional outcomes walked: what the rule adds to the result. */
    private static CompiledRuleSet.Contribution walk(CompiledRuleSet.CRule compiled, EvaluationContext c,
            Accumulator acc) {
        Rule rule = compiled.rule;
        Condition condition = rule.condition();
        List<String> unknown = acc.cleared(acc.unknown);
        Tri result = condition.unknownInputs(c, Node.NO_PARTICIPANT, unknown);
        if (result == Tri.FALSE) {
            return CompiledRuleSet.Contribution.NONE;
        }
        List<String> reasons = acc.cleared(acc.reasons);
        if (result == Tri.UNKNOWN) {
            if (rule.onUnknown() == UnknownPolicy.ASK) {
                return new CompiledRuleSet.Contribution(null, null, unknown.toArray(NO_STRINGS));
            }
            if (rule.onUnknown() != UnknownPolicy.FIRE) {
                return CompiledRuleSet.Contribution.NONE;
            }
            reasons.add(sortedDistinct(unknown) + PRECAUTION);
        } else {
            condition.whyTrue(c, Node.NO_PARTICIPANT, reasons);
        }
        CompiledRuleSet.COutcome outcome = compiled.outcome;
        List<String> extras = compiled.also.length == 0 ? List.of() : new ArrayList<>();
        List<String> asked = List.of();
        for (CompiledRuleSet.CAlso also : compiled.also) {
            Condition when = also.also.when();
            UnknownPolicy onUnknown = also.also.onUnknown();
            unknown = acc.cleared(acc.unknown);
            Tri t = when.unknownInputs(c, Node.NO_PARTICIPANT, unknown);
            if (t == Tri.TRUE || (t == Tri.UNKNOWN && onUnknown == UnknownPolicy.FIRE)) {
                outcome = outcome.plus(also.outcome);
                List<String> alsoReasons = acc.cleared(acc.alsoReasons);
                if (t == Tri.TRUE) {
                    when.whyTrue(c, Node.NO_PARTICIPANT, alsoReasons);
                } else {
                    alsoReasons.add(sortedDistinct(unknown) + ALSO_PRECAUTION);
                }
                extras.add(acc.writer.joined(also.head, alsoReasons, ")"));
            } else if (t == Tri.UNKNOWN && onUnknown == UnknownPolicy.ASK) {
                asked = asked.isEmpty() ? new ArrayList<>() : asked;
                asked.addAll(unknown);
            }
        }
        return new CompiledRuleSet.Contribution(outcome, compiled.fired.fired(reasons, extras, acc.writer),
                asked.toArray(NO_STRINGS));
    }

    private static final String[] NO_STRINGS = new String[0];

    /** The unknown inputs sorted, each once, joined by ", ". */
    private static String sortedDistinct(List<String> unknown) {
        return String.join(", ", new TreeSet<>(unknown));
    }

    private static void apply(CompiledRuleSet.CConflict compiled, EvaluationContext c, Accumulator acc) {
        ConflictRule conflict = compiled.conflict;
        if (compiled.whenRoutes != 0 && (acc.routes & compiled.whenRoutes) == 0) {
            return;
        }
        if (compiled.whenForbidden != 0 && (acc.forbidden & compiled.whenForbidden) == 0) {
            return;
        }
        List<String> reasons = acc.cleared(acc.reasons);
        Condition condition = conflict.condition();
        if (condition != null) {
            List<String> unknown = acc.cleared(acc.unknown);
            Tri t = condition.unknownInputs(c, Node.NO_PARTICIPANT, unknown);
            if (t == Tri.UNKNOWN && conflict.onUnknown() == UnknownPolicy.ASK) {
                acc.missing(unknown);
            }
            if (t == Tri.FALSE || (t == Tri.UNKNOWN && conflict.onUnknown() != UnknownPolicy.FIRE)) {
                return;
            }
            if (t == Tri.TRUE) {
                condition.whyTrue(c, Node.NO_PARTICIPANT, reasons);
            } else {
                reasons.add("facts not known (applied as a precaution)");
            }
        }
        for (Route r : conflict.whenRoutesAny()) {
            if (EnumMasks.has(acc.routes, r)) {
                reasons.add("route " + r + " is recommended");
            }
        }
        for (ForbiddenAction f : conflict.whenForbiddenAny()) {
            if (EnumMasks.has(acc.forbidden, f)) {
                reasons.add(f + " is forbidden");
            }
        }
        acc.forbidden |= compiled.addForbidden;
        acc.required &= ~compiled.removeRequired;
        acc.routes &= ~compiled.removeRoutes;
        acc.routes |= compiled.addRoutes;
        acc.fire(compiled.slot, compiled.fired.fired(reasons, List.of(), acc.writer));
    }

    private static Recommendation failClosed(RuleSet ruleSet, EvaluationError error) {
        return new Recommendation(ruleSet == null ? null : ruleSet.ruleSetId(),
                ruleSet == null ? null : ruleSet.version(), ruleSet == null ? null : ruleSet.sha256(),
                List.of(Route.DSL_REVIEW), FLOOR_ON_ERROR, List.of(RequiredAction.RECORD_CONCERN_DECISIONS_RATIONALE),
                List.of(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL), true, List.of(), List.of(), Map.of(),
                List.of(error));
    }

    private static final EnumMasks<Route> ROUTES = new EnumMasks<>(Route.class);
    private static final EnumMasks<RequiredAction> REQUIRED = new EnumMasks<>(RequiredAction.class);
    private static final EnumMasks<ForbiddenAction> FORBIDDEN = new EnumMasks<>(ForbiddenAction.class);

    /**
     * Scratch reused rule after rule and, through a thread-local, evaluation after evaluation: unknown inputs,
     * reasons, a conditional outcome's reasons, the explanation writer and the fired-rule slots. Each is cleared
     * before use; nothing of one evaluation is read by the next.
     */
    private static final class Scratch {
        final List<String> unknown = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        final List<String> alsoReasons = new ArrayList<>();
        final CompiledRuleSet.Writer writer = new CompiledRuleSet.Writer();
        FiredRule[] fired = new FiredRule[64];
        /** True when every slot of {@link #fired} is null (the last evaluation's result took and cleared them). */
        boolean firedClear = true;
        long[] key = new long[8];
        long[] partKey = new long[8];

        long[] key(int length) {
            if (key.length < length) {
                key = new long[length];
            }
            return key;
        }

        FiredRule[] fired(int slots) {
            if (fired.length < slots) {
                fired = new FiredRule[slots];
            } else if (!firedClear) {
                // An evaluation that failed before its result was built left slots behind.
                java.util.Arrays.fill(fired, null);
            }
            firedClear = false;
            return fired;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The result so far; fired rules by id slot. Routes and actions are bit masks ({@link EnumMasks}). */
    private static final class Accumulator {
        long routes;
        long required;
        long forbidden;
        /** The facts asked for, sorted; null while there are none. */
        private TreeSet<String> missing;
        final List<EvaluationError> errors = new ArrayList<>();
        final List<String> unknown;
        final List<String> reasons;
        final List<String> alsoReasons;
        final CompiledRuleSet.Writer writer;
        final FiredRule[] fired;
        final int slots;
        final Scratch scratch;
        int firedCount;
        Urgency urgency;
        boolean withdrawInternalHandling;
        boolean dslDecision;

        List<String> cleared(List<String> scratch) {
            scratch.clear();
            return scratch;
        }

        Accumulator(Scratch scratch, int slots) {
            this.unknown = scratch.unknown;
            this.reasons = scratch.reasons;
            this.alsoReasons = scratch.alsoReasons;
            this.writer = scratch.writer;
            this.fired = scratch.fired(slots);
            this.slots = slots;
            this.scratch = scratch;
        }

        void add(CompiledRuleSet.COutcome o) {
            routes |= o.routes;
            required |= o.required;
            forbidden |= o.forbidden;
            urgency = Urgency.highest(urgency, o.urgency);
            withdrawInternalHandling |= o.withdraws;
            dslDecision |= o.dslDecision;
        }

        void add(int slot, CompiledRuleSet.Contribution contribution) {
            if (contribution.outcome != null) {
                add(contribution.outcome);
            }
            if (contribution.fired != null) {
                fire(slot, contribution.fired);
            }
            missing(contribution.missing);
        }

        void add(PlainPart.Sum sum) {
            if (sum.outcome != null) {
                add(sum.outcome);
            }
            for (int i = 0; i < sum.fired.length; i++) {
                fire(sum.slots[i], sum.fired[i]);
            }
            missing(sum.missing);
        }

        void missing(String[] facts) {
            for (String fact : facts) {
                missingSet().add(fact);
            }
        }

        void missing(List<String> facts) {
            for (int i = 0, n = facts.size(); i < n; i++) {
                missingSet().add(facts.get(i));
            }
        }

        private TreeSet<String> missingSet() {
            if (missing == null) {
                missing = new TreeSet<>();
            }
            return missing;
        }

        /** Scratch for the {@link PlainPart}'s key, apart from the rules' own. */
        long[] partKey(int length) {
            if (scratch.partKey.length < length) {
                scratch.partKey = new long[length];
            }
            return scratch.partKey;
        }

        /** Scratch for a rule's {@link PlainInputs} key. */
        long[] key(int length) {
            return scratch.key(length);
        }

        void fire(int slot, FiredRule rule) {
            fired[slot] = rule;
            firedCount++;
        }

        Recommendation build(RuleSet ruleSet, Map<String, Object> derivedFacts) {
            boolean failed = !errors.isEmpty();
            boolean asks = missing != null;
            // Unresolved triggers (missing facts) withhold internal handling just as a fired referral does.
            if (withdrawInternalHandling || asks || failed) {
                routes &= ~EnumMasks.bit(Route.MANAGE_INTERNALLY_ELIGIBLE);
            }
            routes |= EnumMasks.bit(Route.DSL_REVIEW);
            if (failed) {
                urgency = Urgency.highest(urgency, FLOOR_ON_ERROR);
                forbidden |= EnumMasks.bit(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL);
            }
            boolean decision = dslDecision || failed || asks
                    || EnumMasks.has(routes, Route.MANAGE_INTERNALLY_ELIGIBLE);
            FiredRule[] firedRules = new FiredRule[firedCount];
            int k = 0;
            for (int i = 0; i < slots && k < firedCount; i++) {
                if (fired[i] != null) {
                    firedRules[k++] = fired[i];
                    fired[i] = null;
                }
            }
            if (k < firedCount) {
                firedRules = java.util.Arrays.copyOf(firedRules, k);
            }
            scratch.firedClear = true;
            return new Recommendation(ruleSet.ruleSetId(), ruleSet.version(), ruleSet.sha256(),
                    ROUTES.list(routes), urgency == null ? Urgency.REVIEW : urgency, REQUIRED.list(required),
                    FORBIDDEN.list(forbidden), decision, asks ? List.copyOf(missing) : List.of(),
                    Collections.unmodifiableList(Arrays.asList(firedRules)), derivedFacts, errors.isEmpty() ? List.of() : List.copyOf(errors));
        }
    }
}
