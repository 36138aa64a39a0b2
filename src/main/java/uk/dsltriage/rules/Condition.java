package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule condition: a small closed set of operators over the input, evaluated in three-valued
 * logic. There is no expression language; a rule file can only combine these. The {@link Node} methods are the
 * evaluator ({@code p} is {@link Node#NO_PARTICIPANT}: a condition is about the whole incident); the one-argument
 * forms here are for callers outside the engine.
 */
public sealed interface Condition extends Node {

    default Tri eval(EvaluationContext c) {
        return eval(c, NO_PARTICIPANT);
    }

    /** Adds the inputs that make this condition unknown; call only when {@link #eval} is UNKNOWN. */
    default void missing(EvaluationContext c, Set<String> out) {
        List<String> unknown = new ArrayList<>();
        unknownInputs(c, NO_PARTICIPANT, unknown);
        out.addAll(unknown);
    }

    /** Adds plain-English reasons why this condition is true; call only when it is TRUE. */
    default void whyTrue(EvaluationContext c, List<String> out) {
        whyTrue(c, NO_PARTICIPANT, out);
    }

    /** Adds plain-English reasons why this condition is false; call only when it is FALSE. */
    void whyFalse(EvaluationContext c, List<String> out);

    /** Never unknown (unknown inputs read as one of its two values), so it names no missing input. */
    sealed interface Crisp extends Condition
            permits Definitely, Possibly, Always, FactUnknown, FactNotFalse, AttestationComplete, FlagEnabled {
        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            return eval(c, p);
        }
    }

    /** The all and the any of conditions; their value and why TRUE are the {@link Node.Junction}'s. */
    sealed interface AllOrAny extends Condition permits All, Any {
        List<Condition> items();

        /** An all is FALSE because of its first FALSE item, an any because of every item (each is FALSE). */
        @Override
        default void whyFalse(EvaluationContext c, List<String> out) {
            boolean firstFalseOnly = this instanceof All;
            for (Condition item : items()) {
                if (!firstFalseOnly) {
                    item.whyFalse(c, out);
                } else if (item.eval(c, NO_PARTICIPANT) == Tri.FALSE) {
                    item.whyFalse(c, out);
                    return;
                }
            }
        }
    }

    record All(List<Condition> items) implements AllOrAny, Node.AllOf {
        public All {
            items = List.copyOf(items);
        }
    }

    record Any(List<Condition> items) implements AllOrAny, Node.AnyOf {
        public Any {
            items = List.copyOf(items);
        }
    }

    /** Conditions are about the whole incident: p is always {@link Node#NO_PARTICIPANT} here. */
    record Not(Condition item) implements Condition, Node.Negation {
        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            item.whyFalse(c, out);
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            item.whyTrue(c, NO_PARTICIPANT, out);
        }
    }

    /** True only when the inner condition is known true; unknown reads as false. Used for scoping, never for triggers. */
    record Definitely(Condition item) implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(item.eval(c, NO_PARTICIPANT) == Tri.TRUE);
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            item.whyTrue(c, NO_PARTICIPANT, out);
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            if (item.eval(c, NO_PARTICIPANT) == Tri.FALSE) {
                item.whyFalse(c, out);
            } else {
                Set<String> unknown = new java.util.TreeSet<>();
                item.missing(c, unknown);
                out.add(String.join(", ", unknown) + " not known");
            }
        }

        @Override
        public int depth() {
            return 1 + item.depth();
        }
    }

    /** True when the inner condition is true or unknown: a precaution. */
    record Possibly(Condition item) implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(item.eval(c, NO_PARTICIPANT) != Tri.FALSE);
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            if (item.eval(c, NO_PARTICIPANT) == Tri.TRUE) {
                item.whyTrue(c, NO_PARTICIPANT, out);
            } else {
                Set<String> unknown = new java.util.TreeSet<>();
                item.missing(c, unknown);
                out.add(String.join(", ", unknown) + " unknown (treated as possible)");
            }
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            item.whyFalse(c, out);
        }

        @Override
        public int depth() {
            return 1 + item.depth();
        }
    }

    /**
     * A named definition shared by several rules. Its value is computed once per evaluation and kept in
     * the context's slot {@code slot}.
     */
    record Defined(String name, int slot, Condition condition) implements Condition {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            Tri t = c.memo(slot);
            if (t == null) {
                t = condition.eval(c, NO_PARTICIPANT);
                c.memo(slot, t);
            }
            return t;
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = c.memo(slot);
            if (t != null && t != Tri.UNKNOWN) {
                return t;
            }
            t = condition.unknownInputs(c, p, out);
            c.memo(slot, t);
            return t;
        }

        /** A definition shared by several fired rules is explained once per evaluation (its reasons depend only on the input). */
        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            addAll(reasons(c, true), out);
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            addAll(reasons(c, false), out);
        }

        /** Without ArrayList.addAll's copy of the source into a fresh array. */
        private static void addAll(List<String> reasons, List<String> out) {
            for (int i = 0, n = reasons.size(); i < n; i++) {
                out.add(reasons.get(i));
            }
        }

        private List<String> reasons(EvaluationContext c, boolean whyTrue) {
            List<String> reasons = c.memoReasons(slot, whyTrue);
            if (reasons == null) {
                reasons = new ArrayList<>(4);
                if (whyTrue) {
                    condition.whyTrue(c, reasons);
                } else {
                    condition.whyFalse(c, reasons);
                }
                c.memoReasons(slot, whyTrue, reasons);
            }
            return reasons;
        }

        @Override
        public int depth() {
            return condition.depth();
        }
    }

    record Always() implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.TRUE;
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add("a concern was logged");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
        }
    }

    /** A boolean fact compared with an expected value; unknown when the fact is absent or null. */
    record FactIs(String fact, boolean expected, int index) implements Condition {
        public FactIs(String fact, boolean expected) {
            this(fact, expected, KnownFacts.indexOf(fact));
        }

        /** A fact of another catalog than the production one (rule sets built with their own catalog). */
        public FactIs(FactCatalog catalog, String fact, boolean expected) {
            this(fact, expected, catalog.indexOf(fact));
        }

        @Override
        public Tri eval(EvaluationContext c, int p) {
            Boolean v = c.fact(index);
            return v == null ? Tri.UNKNOWN : Tri.of(v == expected);
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                out.add(fact);
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add(c.factStatement(index, fact, expected));
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add(c.factStatement(index, fact, !expected));
        }
    }

    /** Crisp: the fact is absent or null. */
    record FactUnknown(String fact) implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(c.fact(fact) == null);
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add(fact + " is unknown");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add(fact + " is known");
        }
    }

    /** Crisp: the fact is true or unknown. */
    record FactNotFalse(String fact) implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(!Boolean.FALSE.equals(c.fact(fact)));
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add(c.fact(fact) == null ? fact + " is unknown (treated as possible)" : fact + " is true");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add(fact + " is false");
        }
    }

    /** A derived boolean (adultInvolved, anyUnder13InImage, powerImbalance) compared with an expected value. */
    record DerivedIs(String name, boolean expected) implements Condition {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            Tri t = c.derived().tri(name);
            return expected ? t : t.not();
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                out.addAll(c.derived().missing(name));
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            describe(c, out);
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            describe(c, out);
        }

        private void describe(EvaluationContext c, List<String> out) {
            Tri t = c.derived().tri(name);
            out.add(name + " is " + (t == Tri.TRUE) + " (" + c.derived().reason(name) + ")");
        }
    }

    record IncidentTypeIn(Set<IncidentType> types) implements Condition {
        public IncidentTypeIn {
            types = enumSet(types, IncidentType.class);
        }

        @Override
        public Tri eval(EvaluationContext c, int p) {
            if (c.incidentTypes().isEmpty()) {
                return Tri.UNKNOWN;
            }
            for (IncidentType t : c.incidentTypes()) {
                if (types.contains(t)) {
                    return Tri.TRUE;
                }
            }
            return Tri.FALSE;
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                out.add("incidentTypes");
            }
            return t;
        }

        private static final String[] IS = new String[IncidentType.values().length];

        static {
            for (IncidentType t : IncidentType.values()) {
                IS[t.ordinal()] = "incident type is " + t.name();
            }
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            IncidentType only = null;
            List<String> matched = null;
            for (IncidentType t : c.incidentTypes()) {
                if (types.contains(t)) {
                    if (only == null) {
                        only = t;
                    } else {
                        if (matched == null) {
                            matched = new ArrayList<>();
                            matched.add(only.name());
                        }
                        matched.add(t.name());
                    }
                }
            }
            // One type (the usual case) is a text built once; more are joined.
            out.add(only == null ? "incident type is " : matched == null ? IS[only.ordinal()]
                    : "incident type is " + String.join(" and ", matched));
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add("incident type is none of " + sorted(types));
        }
    }

    /** An incident's enum-valued input in a set ({@link Node.OneOf}); false for the same reason it is true. */
    sealed interface OneOf<E extends Enum<E>> extends Condition, Node.OneOf<E>
            permits SexualViolenceTypeIn, VictimWishesIn {
        @Override
        default void whyFalse(EvaluationContext c, List<String> out) {
            whyTrue(c, NO_PARTICIPANT, out);
        }
    }

    record SexualViolenceTypeIn(Set<SexualViolenceType> allowed) implements OneOf<SexualViolenceType> {
        public SexualViolenceTypeIn {
            allowed = enumSet(allowed, SexualViolenceType.class);
        }

        @Override
        public Input input() {
            return Input.SEXUAL_VIOLENCE_TYPE;
        }
    }

    record VictimWishesIn(Set<VictimWishes> allowed) implements OneOf<VictimWishes> {
        public VictimWishesIn {
            allowed = enumSet(allowed, VictimWishes.class);
        }

        @Override
        public Input input() {
            return Input.VICTIM_WISHES;
        }
    }

    /** unexplainedAbsenceDays or ageGap compared with a constant. */
    record NumberCompare(String name, Comparison comparison) implements Condition {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return comparison.evaluate(lo(c), hi(c));
        }

        private long lo(EvaluationContext c) {
            if ("ageGap".equals(name)) {
                return c.derived().ageGapLo();
            }
            Integer days = c.unexplainedAbsenceDays();
            return days == null ? 0 : days;
        }

        private long hi(EvaluationContext c) {
            if ("ageGap".equals(name)) {
                return c.derived().ageGapHi();
            }
            Integer days = c.unexplainedAbsenceDays();
            return days == null ? DerivedFacts.NO_UPPER_BOUND : days;
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                if ("ageGap".equals(name)) {
                    out.addAll(c.derived().missing("ageGap"));
                } else {
                    out.add(name);
                }
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            describe(c, out, "");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            describe(c, out, "not ");
        }

        private void describe(EvaluationContext c, List<String> out, String negation) {
            boolean exact = lo(c) == hi(c);
            out.add(name + " is " + (exact ? "" : "at least ") + lo(c) + " (" + negation + comparison.text() + ")");
        }
    }

    int MAX_PARTICIPANTS_EXPLAINED = 3;

    record AnyParticipant(ParticipantCondition condition) implements Condition {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            if (c.participantCount() == 0) {
                return Tri.UNKNOWN;
            }
            return Kleene.someParticipant(condition, c.participantCount(), c, null);
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            if (c.participantCount() == 0) {
                out.add("participants");
                return Tri.UNKNOWN;
            }
            return Kleene.someParticipant(condition, c.participantCount(), c, out);
        }

        /** Names the first few matching participants only; explanations stay readable with large groups. */
        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            int shown = 0;
            int more = 0;
            for (int i = 0; i < c.participantCount(); i++) {
                if (condition.eval(c, i) == Tri.TRUE) {
                    if (shown == MAX_PARTICIPANTS_EXPLAINED) {
                        more++;
                        continue;
                    }
                    List<String> reasons = new ArrayList<>();
                    condition.whyTrue(c, i, reasons);
                    out.add(c.describe(i) + " matches: " + String.join(" and ", reasons));
                    shown++;
                }
            }
            if (more > 0) {
                out.add(more + " more participant(s) match");
            }
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add(c.noParticipantHas(condition));
        }

        @Override
        public int depth() {
            return 1 + condition.depth();
        }
    }

    record ReporterIs(String attribute, boolean expected) implements Condition {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            Reporter r = c.reporter();
            Boolean v = r == null ? null : "isDsl".equals(attribute) ? r.isDsl() : r.isTeacher();
            return v == null ? Tri.UNKNOWN : Tri.of(v == expected);
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                out.add("reporter." + attribute);
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add("reporter." + attribute + " is " + expected);
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add("reporter." + attribute + " is " + !expected);
        }
    }

    /** Crisp: the DSL attestation in the input is complete (all three parts true). */
    record AttestationComplete() implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(c.attestation() != null && c.attestation().allConfirmed());
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add("the DSL attestation is complete");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add("the DSL attestation is not complete");
        }
    }

    record FlagEnabled(String flag) implements Crisp {
        @Override
        public Tri eval(EvaluationContext c, int p) {
            return Tri.of(c.flag(flag));
        }

        @Override
        public void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add("flag " + flag + " is enabled");
        }

        @Override
        public void whyFalse(EvaluationContext c, List<String> out) {
            out.add("flag " + flag + " is disabled");
        }
    }

    /** An unmodifiable EnumSet copy: membership is a bit test on the hot path. */
    static <E extends Enum<E>> Set<E> enumSet(Set<E> values, Class<E> type) {
        java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
        set.addAll(values);
        return java.util.Collections.unmodifiableSet(set);
    }

    /** "[A, B]" in declaration order (the sets are EnumSets); no streams, it runs on explanation paths. */
    static String sorted(Set<? extends Enum<?>> values) {
        StringBuilder sb = new StringBuilder("[");
        for (Enum<?> v : values) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(v.name());
        }
        return sb.append(']').toString();
    }
}
