package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link RuleSet} compiled once for evaluation: condition trees become final node objects with arrays,
 * bit masks and every piece of static explanation text precomputed; outcomes become bit masks; fired-rule
 * order (by id) is fixed in advance. Each node follows exactly the algorithm of the {@link Condition} or
 * {@link ParticipantCondition} record it was compiled from (same evaluation order, same strings, same
 * exceptions), so results are identical. Anything unusual (a null part, an operator without a symbol) is
 * not optimised: its node delegates to the record itself.
 *
 * <p>Immutable and thread-safe; per-evaluation state lives in {@link EvaluationContext} and the engine's
 * accumulator.
 */
final class Compiled {

    final RuleSet source;
    final CRule[] rules;
    final CConflict[] conflicts;
    /** Number of distinct fired-rule slots (distinct ids, rules and conflicts together). */
    final int slots;
    /** Number of compiled named definitions (each has its own per-evaluation explanation memo). */
    final int definitions;

    private Compiled(RuleSet source, CRule[] rules, CConflict[] conflicts, int slots, int definitions) {
        this.source = source;
        this.rules = rules;
        this.conflicts = conflicts;
        this.slots = slots;
        this.definitions = definitions;
    }

    // ---- compilation

    static Compiled compile(RuleSet rs) {
        Compiler k = new Compiler(rs.flags());
        List<Rule> rules = rs.rules();
        List<ConflictRule> conflicts = rs.conflicts();
        // Fired rules are kept by id in a sorted map; give each distinct non-null id its sorted position.
        TreeSet<String> ids = new TreeSet<>();
        for (Rule r : rules) {
            if (r.id() != null) {
                ids.add(r.id());
            }
        }
        for (ConflictRule x : conflicts) {
            if (x.id() != null) {
                ids.add(x.id());
            }
        }
        List<String> order = new ArrayList<>(ids);
        CRule[] cr = new CRule[rules.size()];
        for (int i = 0; i < cr.length; i++) {
            Rule r = rules.get(i);
            cr[i] = new CRule(r, r.id() == null ? -1 : java.util.Collections.binarySearch(order, r.id()), k);
        }
        CConflict[] cx = new CConflict[conflicts.size()];
        for (int i = 0; i < cx.length; i++) {
            ConflictRule x = conflicts.get(i);
            cx[i] = new CConflict(x, x.id() == null ? -1 : java.util.Collections.binarySearch(order, x.id()), k);
        }
        return new Compiled(rs, cr, cx, order.size(), k.defined.size());
    }

    /** Explanation text of a rule or conflict with the static parts precomputed (see RuleEngine's explain). */
    static final class Explanation {
        /** Template split around "{because}", or null when the template has none. */
        private final String[] parts;
        /** For templates without {because}: the stripped template and a space (or nothing), then "Fired because ". */
        private final String prefix;

        Explanation(String template) {
            if (template != null && template.contains("{because}")) {
                parts = template.split("\\{because\\}", -1);
                prefix = null;
            } else {
                parts = null;
                prefix = (template != null && !template.isBlank() ? template.strip() + " " : "") + "Fired because ";
            }
        }

        /** The explanation for these reasons ("its conditions hold" when there are none) and extras. */
        String build(Reasons reasons, List<String> extras) {
            if (parts == null) {
                return reasons.join(prefix, NO_REASONS, ".", extras);
            }
            String because = reasons.count == 0 ? NO_REASONS : reasons.text();
            StringBuilder sb = new StringBuilder(parts.length * 40 + because.length() * (parts.length - 1) + 64);
            sb.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                sb.append(because).append(parts[i]);
            }
            for (int i = 0; i < extras.size(); i++) {
                sb.append(" Also: ").append(extras.get(i)).append('.');
            }
            return sb.toString();
        }

        private static final String NO_REASONS = "its conditions hold";
    }

    /** A bit-mask form of an {@link Outcome}. */
    static final class COutcome {
        final long routes;
        final long required;
        final long forbidden;
        final Urgency urgency;
        final boolean withdraws;
        final boolean dslDecision;

        COutcome(Outcome o) {
            routes = mask(o.routes());
            required = mask(o.requiredActions());
            forbidden = mask(o.forbiddenActions());
            urgency = o.urgency();
            withdraws = o.withdrawsInternalHandling();
            dslDecision = o.dslDecisionRequired();
        }

        static COutcome of(Outcome o) {
            return o == null ? null : new COutcome(o);
        }
    }

    static final class CAlso {
        final Node when;
        final UnknownPolicy onUnknown;
        final COutcome outcome;
        /** explanation + " (": the extra is this, the reasons, then ")". */
        final String head;

        CAlso(ConditionalOutcome a, Compiler k) {
            when = k.node(a.when());
            onUnknown = a.onUnknown();
            outcome = COutcome.of(a.outcome());
            head = a.explanation() + " (";
        }
    }

    static final class CRule {
        final Rule rule;
        final String id;
        final int slot;
        /** False when the rule's enabling flag is off; null flag name reads the flag map (and throws). */
        final boolean enabled;
        final Node condition;
        final UnknownPolicy onUnknown;
        final COutcome outcome;
        final CAlso[] also;
        final Explanation explanation;
        final String errorPrefix;

        CRule(Rule r, int slot, Compiler k) {
            this.rule = r;
            this.id = r.id();
            this.slot = slot;
            String flag = r.enabledByFlag();
            this.enabled = flag == null || k.flag(flag);
            this.condition = k.node(r.condition());
            this.onUnknown = r.onUnknown();
            this.outcome = COutcome.of(r.outcome());
            this.also = new CAlso[r.also().size()];
            for (int i = 0; i < also.length; i++) {
                ConditionalOutcome a = r.also().get(i);
                also[i] = a == null ? null : new CAlso(a, k);
            }
            this.explanation = new Explanation(r.explanation());
            this.errorPrefix = r.id() + ": evaluation failed (";
        }
    }

    static final class CConflict {
        final ConflictRule conflict;
        final String id;
        final int slot;
        final long whenRoutes;
        final long whenForbidden;
        /** Node of the condition, or null when there is none. */
        final Node condition;
        final UnknownPolicy onUnknown;
        final Route[] whenRoutesList;
        final String[] routeReasons;
        final ForbiddenAction[] whenForbiddenList;
        final String[] forbiddenReasons;
        final long addForbidden;
        final long removeRequired;
        final long removeRoutes;
        final long addRoutes;
        final Explanation explanation;
        final String errorPrefix;

        CConflict(ConflictRule x, int slot, Compiler k) {
            this.conflict = x;
            this.id = x.id();
            this.slot = slot;
            this.whenRoutes = mask(x.whenRoutesAny());
            this.whenForbidden = mask(x.whenForbiddenAny());
            this.condition = x.condition() == null ? null : k.node(x.condition());
            this.onUnknown = x.onUnknown();
            this.whenRoutesList = x.whenRoutesAny().toArray(new Route[0]);
            this.routeReasons = new String[whenRoutesList.length];
            for (int i = 0; i < routeReasons.length; i++) {
                routeReasons[i] = "route " + whenRoutesList[i] + " is recommended";
            }
            this.whenForbiddenList = x.whenForbiddenAny().toArray(new ForbiddenAction[0]);
            this.forbiddenReasons = new String[whenForbiddenList.length];
            for (int i = 0; i < forbiddenReasons.length; i++) {
                forbiddenReasons[i] = whenForbiddenList[i] + " is forbidden";
            }
            this.addForbidden = mask(x.addForbiddenActions());
            this.removeRequired = mask(x.removeRequiredActions());
            this.removeRoutes = mask(x.removeRoutes());
            this.addRoutes = mask(x.addRoutes());
            this.explanation = new Explanation(x.explanation());
            this.errorPrefix = x.id() + ": evaluation failed (";
        }
    }

    static long mask(List<? extends Enum<?>> values) {
        long m = 0;
        for (Enum<?> v : values) {
            m |= 1L << v.ordinal();
        }
        return m;
    }

    static long mask(Set<? extends Enum<?>> values) {
        long m = 0;
        for (Enum<?> v : values) {
            m |= 1L << v.ordinal();
        }
        return m;
    }

    // ---- reasons: a flat " and "-joined builder that replaces List<String> + String.join

    /**
     * Collects reasons joined by " and ", as String.join(" and ", list) would, without the list. While it
     * holds a single piece of text (one reason, or a definition's recorded reasons) it keeps a reference to
     * it instead of copying it; the builder is made only when a second piece arrives.
     */
    static final class Reasons {
        private static final String AND = " and ";
        /** Shared and never written: a Reasons makes its own builder only when it needs one. */
        private static final StringBuilder NO_BUILDER = new StringBuilder(0);

        private StringBuilder sb = NO_BUILDER;
        /** The whole text so far when it is one piece held by reference (sb is then empty). */
        private String pending;
        /** Reasons so far (a reason may be several pieces). */
        int count;
        /** Per-evaluation memo of definitions' reasons, shared by the engine's Reasons objects. */
        final DefinitionMemo memo;

        Reasons(DefinitionMemo memo) {
            this.memo = memo;
        }

        void reset() {
            if (sb != NO_BUILDER) {
                sb.setLength(0);
            }
            pending = null;
            count = 0;
        }

        private boolean isEmpty() {
            return pending == null && sb.length() == 0;
        }

        /** The builder holding all the text so far (made large enough for most explanations on first use). */
        private StringBuilder flush() {
            StringBuilder b = sb;
            if (b == NO_BUILDER) {
                b = new StringBuilder(pending == null ? 1024 : Math.max(1024, pending.length() * 2));
                sb = b;
            }
            if (pending != null) {
                b.append(pending);
                pending = null;
            }
            return b;
        }

        void add(String reason) {
            if (isEmpty()) {
                pending = reason;
                count++;
                return;
            }
            StringBuilder b = flush();
            if (count++ > 0) {
                b.append(AND);
            }
            b.append(reason);
        }

        /** Starts a new reason: the pieces pushed next make it up. */
        void begin() {
            StringBuilder b = flush();
            if (count++ > 0) {
                b.append(AND);
            }
        }

        /** Appends a piece of the current reason. */
        void push(String piece) {
            flush().append(piece);
        }

        /** Appends reasons recorded earlier: {@code text} is {@code n} reasons already joined. */
        void addRecorded(String text, int n) {
            if (n == 0) {
                return;
            }
            if (isEmpty()) {
                pending = text;
                count += n;
                return;
            }
            StringBuilder b = flush();
            if (count > 0) {
                b.append(AND);
            }
            b.append(text);
            count += n;
        }

        void addAll(List<String> reasons) {
            for (int i = 0; i < reasons.size(); i++) {
                add(reasons.get(i));
            }
        }

        /** Marks where a definition's reasons start (see {@link #since}); -1 when nothing is collected yet. */
        int mark() {
            if (isEmpty()) {
                return -1;
            }
            return flush().length();
        }

        /** The reasons added since {@link #mark} gave {@code from}, when the count was {@code before}. */
        String since(int from, int before) {
            if (count == before) {
                return "";
            }
            if (from < 0) {
                // Everything collected is the definition's: keep it as one piece, by reference.
                if (pending == null) {
                    pending = sb.toString();
                    sb.setLength(0);
                }
                return pending;
            }
            StringBuilder b = flush();
            return b.substring(before > 0 ? from + AND.length() : from);
        }

        /** The text so far. */
        String text() {
            return pending != null ? pending : sb.toString();
        }

        /** first + the reasons + last. */
        String join(String first, String last) {
            return first + text() + last;
        }

        /** first + the reasons (or {@code ifNone} when there are none) + last, then the extras. */
        String join(String first, String ifNone, String last, List<String> extras) {
            String because = count == 0 ? ifNone : text();
            if (extras.isEmpty()) {
                return first + because + last;
            }
            StringBuilder b = new StringBuilder(first.length() + because.length() + last.length()
                    + 160 * extras.size());
            b.append(first).append(because).append(last);
            for (int i = 0; i < extras.size(); i++) {
                b.append(" Also: ").append(extras.get(i)).append('.');
            }
            return b.toString();
        }
    }

    /**
     * The reasons a named definition gave, per evaluation: a definition shared by several fired rules
     * (childImageIncident, internalHandlingEligible) is explained once. Its reasons depend only on the
     * evaluation's (immutable) input, so reusing them gives the same text.
     */
    static final class DefinitionMemo {
        private final String[] trueText;
        private final int[] trueCount;
        private final String[] falseText;
        private final int[] falseCount;

        DefinitionMemo(int definitions) {
            trueText = new String[definitions];
            trueCount = new int[definitions];
            falseText = new String[definitions];
            falseCount = new int[definitions];
        }
    }

    // ---- condition nodes

    abstract static class Node {
        abstract Tri eval(EvaluationContext c);

        /** True when evaluating this node can never throw, so the order it is evaluated in is unobservable. */
        boolean safe() {
            return false;
        }

        abstract void missing(EvaluationContext c, Set<String> out);

        abstract void whyTrue(EvaluationContext c, Reasons out);

        abstract void whyFalse(EvaluationContext c, Reasons out);
    }

    /** Delegates to the record itself: for anything the compiler does not optimise. */
    static final class Delegate extends Node {
        private final Condition condition;

        Delegate(Condition condition) {
            this.condition = condition;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return condition.eval(c);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            condition.missing(c, out);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            List<String> list = new ArrayList<>();
            condition.whyTrue(c, list);
            out.addAll(list);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            List<String> list = new ArrayList<>();
            condition.whyFalse(c, list);
            out.addAll(list);
        }
    }

    /** A missing (null) condition: every use throws NullPointerException, as calling the null would. */
    static final class NullNode extends Node {
        @Override
        Tri eval(EvaluationContext c) {
            throw new NullPointerException();
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            throw new NullPointerException();
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            throw new NullPointerException();
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            throw new NullPointerException();
        }
    }

    /** The fact leaves among an all/any's items, as masks, and the other items (see {@link FactGroup#of}). */
    static final class FactGroup {
        /** Facts the group expects true, expects false, and either. */
        final long expectTrue;
        final long expectFalse;
        final long all;
        final Node[] rest;

        private FactGroup(long expectTrue, long expectFalse, Node[] rest) {
            this.expectTrue = expectTrue;
            this.expectFalse = expectFalse;
            this.all = expectTrue | expectFalse;
            this.rest = rest;
        }

        /**
         * A group when every item is safe (then testing the facts first cannot change the result, only the
         * work done) and there are at least two fact leaves; otherwise null.
         */
        static FactGroup of(Node[] items) {
            long t = 0;
            long f = 0;
            int facts = 0;
            List<Node> rest = new ArrayList<>();
            for (Node item : items) {
                if (!item.safe()) {
                    return null;
                }
                if (item instanceof FactIsNode fact && fact.masked()) {
                    if (fact.expected) {
                        t |= 1L << fact.index;
                    } else {
                        f |= 1L << fact.index;
                    }
                    facts++;
                } else {
                    rest.add(item);
                }
            }
            return facts < 2 ? null : new FactGroup(t, f, rest.toArray(new Node[0]));
        }
    }

    static final class AllNode extends Node {
        private final Node[] items;
        private final FactGroup group;

        AllNode(Node[] items) {
            this.items = items;
            this.group = FactGroup.of(items);
        }

        @Override
        boolean safe() {
            for (Node item : items) {
                if (!item.safe()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            if (group != null) {
                return evalGrouped(c, group);
            }
            Tri result = Tri.TRUE;
            for (Node item : items) {
                Tri t = item.eval(c);
                if (t == Tri.FALSE) {
                    return Tri.FALSE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        /** Any item false: FALSE; else any unknown: UNKNOWN; else TRUE (as the loop above, facts first). */
        private static Tri evalGrouped(EvaluationContext c, FactGroup g) {
            long t = c.factTrue();
            long f = c.factFalse();
            if (((g.expectTrue & f) | (g.expectFalse & t)) != 0) {
                return Tri.FALSE;
            }
            Tri result = (g.all & ~(t | f)) != 0 ? Tri.UNKNOWN : Tri.TRUE;
            for (Node item : g.rest) {
                Tri x = item.eval(c);
                if (x == Tri.FALSE) {
                    return Tri.FALSE;
                }
                if (x == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            for (Node item : items) {
                if (item.eval(c) == Tri.UNKNOWN) {
                    item.missing(c, out);
                }
            }
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            for (Node item : items) {
                item.whyTrue(c, out);
            }
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            for (Node item : items) {
                if (item.eval(c) == Tri.FALSE) {
                    item.whyFalse(c, out);
                    return;
                }
            }
        }
    }

    static final class AnyNode extends Node {
        private final FactGroup group;

        private final Node[] items;

        AnyNode(Node[] items) {
            this.items = items;
            this.group = FactGroup.of(items);
        }

        @Override
        boolean safe() {
            for (Node item : items) {
                if (!item.safe()) {
                    return false;
                }
            }
            return true;
        }

        /** Any item true: TRUE; else any unknown: UNKNOWN; else FALSE (as the loop below, facts first). */
        private static Tri evalGrouped(EvaluationContext c, FactGroup g) {
            long t = c.factTrue();
            long f = c.factFalse();
            if (((g.expectTrue & t) | (g.expectFalse & f)) != 0) {
                return Tri.TRUE;
            }
            Tri result = (g.all & ~(t | f)) != 0 ? Tri.UNKNOWN : Tri.FALSE;
            for (Node item : g.rest) {
                Tri x = item.eval(c);
                if (x == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (x == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        Tri eval(EvaluationContext c) {
            if (group != null) {
                return evalGrouped(c, group);
            }
            Tri result = Tri.FALSE;
            for (Node item : items) {
                Tri t = item.eval(c);
                if (t == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            for (Node item : items) {
                if (item.eval(c) == Tri.UNKNOWN) {
                    item.missing(c, out);
                }
            }
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            for (Node item : items) {
                if (item.eval(c) == Tri.TRUE) {
                    item.whyTrue(c, out);
                }
            }
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            for (Node item : items) {
                item.whyFalse(c, out);
            }
        }
    }

    static final class NotNode extends Node {
        private final Node item;

        NotNode(Node item) {
            this.item = item;
        }

        @Override
        boolean safe() {
            return item.safe();
        }

        @Override
        Tri eval(EvaluationContext c) {
            return item.eval(c).not();
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            item.missing(c, out);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            item.whyFalse(c, out);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            item.whyTrue(c, out);
        }
    }

    static final class DefinitelyNode extends Node {
        private final Node item;

        DefinitelyNode(Node item) {
            this.item = item;
        }

        @Override
        boolean safe() {
            return item.safe();
        }

        @Override
        Tri eval(EvaluationContext c) {
            return Tri.of(item.eval(c) == Tri.TRUE);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            item.whyTrue(c, out);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            if (item.eval(c) == Tri.FALSE) {
                item.whyFalse(c, out);
            } else {
                Set<String> unknown = new TreeSet<>();
                item.missing(c, unknown);
                out.add(String.join(", ", unknown) + " not known");
            }
        }
    }

    static final class PossiblyNode extends Node {
        private final Node item;

        PossiblyNode(Node item) {
            this.item = item;
        }

        @Override
        boolean safe() {
            return item.safe();
        }

        @Override
        Tri eval(EvaluationContext c) {
            return Tri.of(item.eval(c) != Tri.FALSE);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            if (item.eval(c) == Tri.TRUE) {
                item.whyTrue(c, out);
            } else {
                Set<String> unknown = new TreeSet<>();
                item.missing(c, unknown);
                out.add(String.join(", ", unknown) + " unknown (treated as possible)");
            }
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            item.whyFalse(c, out);
        }
    }

    /** A named definition: evaluated once per evaluation into the context's memo slot, as Condition.Defined. */
    static final class DefinedNode extends Node {
        private final int slot;
        /** This definition's index among the compiled ones (slots of hand-built sets need not be distinct). */
        private final int index;
        private Node condition;

        DefinedNode(int slot, int index) {
            this.slot = slot;
            this.index = index;
        }

        @Override
        boolean safe() {
            return slot >= 0 && slot < EvaluationContext.MAX_DEFINITIONS && condition != null && condition.safe();
        }

        @Override
        Tri eval(EvaluationContext c) {
            Tri t = c.memo(slot);
            if (t == null) {
                t = condition.eval(c);
                c.memo(slot, t);
            }
            return t;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            condition.missing(c, out);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            DefinitionMemo memo = out.memo;
            String recorded = memo.trueText[index];
            if (recorded != null) {
                out.addRecorded(recorded, memo.trueCount[index]);
                return;
            }
            int before = out.count;
            int from = out.mark();
            condition.whyTrue(c, out);
            memo.trueCount[index] = out.count - before;
            memo.trueText[index] = out.since(from, before);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            DefinitionMemo memo = out.memo;
            String recorded = memo.falseText[index];
            if (recorded != null) {
                out.addRecorded(recorded, memo.falseCount[index]);
                return;
            }
            int before = out.count;
            int from = out.mark();
            condition.whyFalse(c, out);
            memo.falseCount[index] = out.count - before;
            memo.falseText[index] = out.since(from, before);
        }
    }

    /** A leaf whose value is fixed for the rule set (always, flagEnabled). */
    static final class ConstantNode extends Node {
        private final Tri value;
        private final String whyTrue;
        private final String whyFalse;

        ConstantNode(Tri value, String whyTrue, String whyFalse) {
            this.value = value;
            this.whyTrue = whyTrue;
            this.whyFalse = whyFalse;
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return value;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add(whyTrue);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            if (whyFalse != null) {
                out.add(whyFalse);
            }
        }
    }

    static final class FactIsNode extends Node {
        private final String fact;
        private final int index;
        private final boolean expected;
        private final String whyTrue;
        private final String whyFalse;

        FactIsNode(Condition.FactIs f) {
            fact = f.fact();
            index = f.index();
            expected = f.expected();
            whyTrue = f.fact() + " is " + f.expected();
            whyFalse = f.fact() + " is " + !f.expected();
        }

        @Override
        boolean safe() {
            return true;
        }

        /** Fact masks hold this fact (it is a known boolean fact). */
        boolean masked() {
            return EvaluationContext.MASKS && index >= 0;
        }

        @Override
        Tri eval(EvaluationContext c) {
            if (index >= 0 && EvaluationContext.MASKS) {
                long bit = 1L << index;
                if ((c.factTrue() & bit) != 0) {
                    return expected ? Tri.TRUE : Tri.FALSE;
                }
                if ((c.factFalse() & bit) != 0) {
                    return expected ? Tri.FALSE : Tri.TRUE;
                }
                return Tri.UNKNOWN;
            }
            Boolean v = c.fact(index);
            return v == null ? Tri.UNKNOWN : Tri.of(v == expected);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            out.add(fact);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add(whyTrue);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(whyFalse);
        }
    }

    static final class FactUnknownNode extends Node {
        private final int index;
        private final String whyTrue;
        private final String whyFalse;

        FactUnknownNode(Condition.FactUnknown f) {
            index = KnownFacts.indexOf(f.fact());
            whyTrue = f.fact() + " is unknown";
            whyFalse = f.fact() + " is known";
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return Tri.of(c.fact(index) == null);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add(whyTrue);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(whyFalse);
        }
    }

    static final class FactNotFalseNode extends Node {
        private final int index;
        private final String unknown;
        private final String isTrue;
        private final String isFalse;

        FactNotFalseNode(Condition.FactNotFalse f) {
            index = KnownFacts.indexOf(f.fact());
            unknown = f.fact() + " is unknown (treated as possible)";
            isTrue = f.fact() + " is true";
            isFalse = f.fact() + " is false";
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return Tri.of(!Boolean.FALSE.equals(c.fact(index)));
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add(c.fact(index) == null ? unknown : isTrue);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(isFalse);
        }
    }

    static final class DerivedIsNode extends Node {
        private final String name;
        private final int which;
        private final boolean expected;
        private final String isTrue;
        private final String isFalse;

        DerivedIsNode(Condition.DerivedIs d, int which) {
            name = d.name();
            this.which = which;
            expected = d.expected();
            isTrue = d.name() + " is true (";
            isFalse = d.name() + " is false (";
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            Tri t = c.derived().tri(which);
            return expected ? t : t.not();
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            out.addAll(c.derived().missing(name));
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            describe(c, out);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            describe(c, out);
        }

        private void describe(EvaluationContext c, Reasons out) {
            DerivedFacts d = c.derived();
            out.begin();
            out.push(d.tri(which) == Tri.TRUE ? isTrue : isFalse);
            out.push(String.valueOf(d.reason(which)));
            out.push(")");
        }
    }

    static final class IncidentTypeInNode extends Node {
        private static final IncidentType[] TYPES = IncidentType.values();
        private static final String[] SINGLE = new String[TYPES.length];

        static {
            for (IncidentType t : TYPES) {
                SINGLE[t.ordinal()] = "incident type is " + t.name();
            }
        }

        private final long types;
        private final String whyFalse;

        IncidentTypeInNode(Condition.IncidentTypeIn n) {
            types = mask(n.types());
            whyFalse = "incident type is none of " + Condition.sorted(n.types());
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            long given = c.incidentTypeMask();
            if (given == 0) {
                return Tri.UNKNOWN;
            }
            return (given & types) != 0 ? Tri.TRUE : Tri.FALSE;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            out.add("incidentTypes");
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            long matched = c.incidentTypeMask() & types;
            if (Long.bitCount(matched) == 1) {
                out.add(SINGLE[Long.numberOfTrailingZeros(matched)]);
                return;
            }
            out.begin();
            out.push("incident type is ");
            boolean first = true;
            while (matched != 0) {
                int ordinal = Long.numberOfTrailingZeros(matched);
                matched &= matched - 1;
                if (!first) {
                    out.push(" and ");
                }
                first = false;
                out.push(TYPES[ordinal].name());
            }
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(whyFalse);
        }
    }

    /** sexualViolenceTypeIn and victimWishesIn: one enum value from the input, tested against a set. */
    static final class EnumValueInNode extends Node {
        private final boolean sexualViolence;
        private final long values;
        private final String missingName;
        /** "name is VALUE" by ordinal; the last entry is "name is null". */
        private final String[] text;

        EnumValueInNode(boolean sexualViolence, Set<? extends Enum<?>> values, Enum<?>[] all, String name) {
            this.sexualViolence = sexualViolence;
            this.values = mask(values);
            this.missingName = name;
            this.text = new String[all.length + 1];
            for (Enum<?> v : all) {
                text[v.ordinal()] = name + " is " + v;
            }
            text[all.length] = name + " is " + null;
        }

        @Override
        boolean safe() {
            return true;
        }

        private Enum<?> value(EvaluationContext c) {
            return sexualViolence ? c.sexualViolenceType() : c.victimWishes();
        }

        @Override
        Tri eval(EvaluationContext c) {
            Enum<?> v = value(c);
            return v == null ? Tri.UNKNOWN : Tri.of((values & (1L << v.ordinal())) != 0);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            out.add(missingName);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            describe(c, out);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            describe(c, out);
        }

        private void describe(EvaluationContext c, Reasons out) {
            Enum<?> v = value(c);
            out.add(text[v == null ? text.length - 1 : v.ordinal()]);
        }
    }

    static final class NumberNode extends Node {
        private final boolean ageGap;
        private final String name;
        private final Comparison comparison;
        private final String prefix;
        private final String trueSuffix;
        private final String falseSuffix;

        NumberNode(Condition.NumberCompare n) {
            name = n.name();
            ageGap = "ageGap".equals(n.name());
            comparison = n.comparison();
            prefix = n.name() + " is ";
            trueSuffix = " (" + n.comparison().text() + ")";
            falseSuffix = " (not " + n.comparison().text() + ")";
        }

        @Override
        boolean safe() {
            return true;
        }

        private long lo(EvaluationContext c) {
            if (ageGap) {
                return c.derived().ageGapLo();
            }
            Integer days = c.unexplainedAbsenceDays();
            return days == null ? 0 : days;
        }

        private long hi(EvaluationContext c) {
            if (ageGap) {
                return c.derived().ageGapHi();
            }
            Integer days = c.unexplainedAbsenceDays();
            return days == null ? DerivedFacts.NO_UPPER_BOUND : days;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return comparison.evaluate(lo(c), hi(c));
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            if (ageGap) {
                out.addAll(c.derived().missing("ageGap"));
            } else {
                out.add(name);
            }
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            describe(c, out, trueSuffix);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            describe(c, out, falseSuffix);
        }

        private void describe(EvaluationContext c, Reasons out, String suffix) {
            long lo = lo(c);
            boolean exact = lo == hi(c);
            out.begin();
            out.push(prefix);
            out.push(exact ? "" : "at least ");
            out.push(Long.toString(lo));
            out.push(suffix);
        }
    }

    static final class AnyParticipantNode extends Node {
        private final PNode condition;
        private final String whyFalse;

        AnyParticipantNode(PNode condition, String describe) {
            this.condition = condition;
            this.whyFalse = "no participant has (" + describe + ")";
        }

        @Override
        boolean safe() {
            return condition.safe();
        }

        @Override
        Tri eval(EvaluationContext c) {
            int n = c.participantCount();
            if (n == 0) {
                return Tri.UNKNOWN;
            }
            Tri result = Tri.FALSE;
            for (int i = 0; i < n; i++) {
                Tri t = condition.eval(c, i);
                if (t == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            int n = c.participantCount();
            if (n == 0) {
                out.add("participants");
            }
            for (int i = 0; i < n; i++) {
                if (condition.eval(c, i) == Tri.UNKNOWN) {
                    condition.missing(c, i, out);
                }
            }
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            int shown = 0;
            int more = 0;
            for (int i = 0; i < c.participantCount(); i++) {
                if (condition.eval(c, i) == Tri.TRUE) {
                    if (shown == Condition.MAX_PARTICIPANTS_EXPLAINED) {
                        more++;
                        continue;
                    }
                    out.begin();
                    out.push(c.describe(i));
                    out.push(" matches: ");
                    // The participant's own reasons are joined by " and " inside this one reason.
                    int outer = out.count;
                    out.count = 0;
                    condition.whyTrue(c, i, out);
                    out.count = outer;
                    shown++;
                }
            }
            if (more > 0) {
                out.begin();
                out.push(Integer.toString(more));
                out.push(" more participant(s) match");
            }
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(whyFalse);
        }
    }

    static final class ReporterNode extends Node {
        private final boolean dsl;
        private final boolean expected;
        private final String missingName;
        private final String whyTrue;
        private final String whyFalse;

        ReporterNode(Condition.ReporterIs r) {
            dsl = "isDsl".equals(r.attribute());
            expected = r.expected();
            missingName = "reporter." + r.attribute();
            whyTrue = "reporter." + r.attribute() + " is " + r.expected();
            whyFalse = "reporter." + r.attribute() + " is " + !r.expected();
        }

        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            Reporter r = c.reporter();
            Boolean v = r == null ? null : dsl ? r.isDsl() : r.isTeacher();
            return v == null ? Tri.UNKNOWN : Tri.of(v == expected);
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
            out.add(missingName);
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add(whyTrue);
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add(whyFalse);
        }
    }

    static final class AttestationNode extends Node {
        @Override
        boolean safe() {
            return true;
        }

        @Override
        Tri eval(EvaluationContext c) {
            return Tri.of(c.attestation() != null && c.attestation().allConfirmed());
        }

        @Override
        void missing(EvaluationContext c, Set<String> out) {
        }

        @Override
        void whyTrue(EvaluationContext c, Reasons out) {
            out.add("the DSL attestation is complete");
        }

        @Override
        void whyFalse(EvaluationContext c, Reasons out) {
            out.add("the DSL attestation is not complete");
        }
    }

    // ---- participant condition nodes

    abstract static class PNode {
        abstract Tri eval(EvaluationContext c, int i);

        boolean safe() {
            return true;
        }

        abstract void missing(EvaluationContext c, int i, Set<String> out);

        abstract void whyTrue(EvaluationContext c, int i, Reasons out);
    }

    static final class PDelegate extends PNode {
        private final ParticipantCondition condition;

        PDelegate(ParticipantCondition condition) {
            this.condition = condition;
        }

        @Override
        boolean safe() {
            return false;
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            return condition.eval(c, i);
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            condition.missing(c, i, out);
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            List<String> list = new ArrayList<>();
            condition.whyTrue(c, i, list);
            out.addAll(list);
        }
    }

    static final class PAll extends PNode {
        private final PNode[] items;

        PAll(PNode[] items) {
            this.items = items;
        }

        @Override
        boolean safe() {
            for (PNode item : items) {
                if (!item.safe()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            Tri result = Tri.TRUE;
            for (PNode item : items) {
                Tri t = item.eval(c, i);
                if (t == Tri.FALSE) {
                    return Tri.FALSE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            for (PNode item : items) {
                if (item.eval(c, i) == Tri.UNKNOWN) {
                    item.missing(c, i, out);
                }
            }
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            for (PNode item : items) {
                item.whyTrue(c, i, out);
            }
        }
    }

    static final class PAny extends PNode {
        private final PNode[] items;

        PAny(PNode[] items) {
            this.items = items;
        }

        @Override
        boolean safe() {
            for (PNode item : items) {
                if (!item.safe()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            Tri result = Tri.FALSE;
            for (PNode item : items) {
                Tri t = item.eval(c, i);
                if (t == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            for (PNode item : items) {
                if (item.eval(c, i) == Tri.UNKNOWN) {
                    item.missing(c, i, out);
                }
            }
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            for (PNode item : items) {
                if (item.eval(c, i) == Tri.TRUE) {
                    item.whyTrue(c, i, out);
                }
            }
        }
    }

    static final class PNot extends PNode {
        private final PNode item;
        private final String whyTrue;

        PNot(PNode item, String itemDescription) {
            this.item = item;
            this.whyTrue = "not " + itemDescription;
        }

        @Override
        boolean safe() {
            return item.safe();
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            return item.eval(c, i).not();
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            item.missing(c, i, out);
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            out.add(whyTrue);
        }
    }

    /** roleIn and staffRoleIn. */
    static final class PRoleNode extends PNode {
        private final boolean staff;
        private final long roles;
        private final String field;
        /** "role is VALUE" by ordinal; the last entry is "role is null". */
        private final String[] text;

        PRoleNode(boolean staff, Set<? extends Enum<?>> roles, Enum<?>[] all) {
            this.staff = staff;
            this.roles = mask(roles);
            this.field = staff ? "staffRole" : "role";
            this.text = new String[all.length + 1];
            for (Enum<?> v : all) {
                text[v.ordinal()] = field + " is " + v;
            }
            text[all.length] = field + " is " + null;
        }

        private Enum<?> value(EvaluationContext c, int i) {
            Participant p = c.participant(i);
            return staff ? p.staffRole() : p.role();
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            Enum<?> v = value(c, i);
            return v == null ? Tri.UNKNOWN : Tri.of((roles & (1L << v.ordinal())) != 0);
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, field));
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            Enum<?> v = value(c, i);
            out.add(text[v == null ? text.length - 1 : v.ordinal()]);
        }
    }

    static final class PAgeNode extends PNode {
        private final Comparison comparison;
        private final String suffix;

        PAgeNode(ParticipantCondition.AgeCompare a) {
            comparison = a.comparison();
            suffix = " (" + a.comparison().text() + ")";
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            Integer age = c.age(i);
            return age == null ? Tri.UNKNOWN : comparison.evaluate(age, age);
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, "ageYears"));
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            out.begin();
            out.push("ageYears is ");
            out.push(String.valueOf(c.age(i)));
            out.push(suffix);
        }
    }

    static final class PAttributeNode extends PNode {
        private final ParticipantAttribute attribute;
        private final Boolean expected;
        private final String description;

        PAttributeNode(ParticipantCondition.AttributeIs a) {
            attribute = a.attribute();
            expected = a.expected();
            description = a.describe();
        }

        @Override
        Tri eval(EvaluationContext c, int i) {
            Boolean v = value(c.participant(i));
            if (expected == null) {
                return Tri.of(v == null);
            }
            return v == null ? Tri.UNKNOWN : Tri.of(v.equals(expected));
        }

        private Boolean value(Participant p) {
            return switch (attribute) {
                case IS_PUPIL_OF_SETTING -> p.isPupilOfSetting();
                case IS_STAFF_OR_VOLUNTEER -> p.isStaffOrVolunteer();
                case HAS_SEND -> p.hasSEND();
                case CONSENT_CAPACITY_CONCERN -> p.consentCapacityConcern();
                case PREPUBESCENT -> p.prepubescent();
                case HAS_SOCIAL_WORKER -> p.hasSocialWorker();
                case CHILD_PROTECTION_PLAN -> p.childProtectionPlan();
                case LOOKED_AFTER -> p.lookedAfter();
                case DEPICTED_IN_IMAGE -> p.depictedInImage();
            };
        }

        @Override
        void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, attribute.jsonName()));
        }

        @Override
        void whyTrue(EvaluationContext c, int i, Reasons out) {
            out.add(description);
        }
    }

    // ---- the compiler

    static final class Compiler {
        private final Map<String, Boolean> flags;
        /** Shared definitions compile once (the parser shares one Defined instance between rules). */
        final Map<Condition, Node> defined = new IdentityHashMap<>();

        Compiler(Map<String, Boolean> flags) {
            this.flags = flags;
        }

        boolean flag(String name) {
            return Boolean.TRUE.equals(flags.get(name));
        }

        /** Never throws: anything it cannot compile faithfully is delegated to the record. */
        Node node(Condition c) {
            if (c == null) {
                return new NullNode();
            }
            try {
                return compile(c);
            } catch (RuntimeException | StackOverflowError e) {
                return new Delegate(c);
            }
        }

        private Node compile(Condition c) {
            if (c instanceof Condition.All a) {
                return new AllNode(nodes(a.items()));
            } else if (c instanceof Condition.Any a) {
                return new AnyNode(nodes(a.items()));
            } else if (c instanceof Condition.Not n) {
                return new NotNode(node(n.item()));
            } else if (c instanceof Condition.Definitely d) {
                return new DefinitelyNode(node(d.item()));
            } else if (c instanceof Condition.Possibly p) {
                return new PossiblyNode(node(p.item()));
            } else if (c instanceof Condition.Defined d) {
                Node done = defined.get(d);
                if (done == null) {
                    DefinedNode node = new DefinedNode(d.slot(), defined.size());
                    defined.put(d, node);
                    node.condition = node(d.condition());
                    done = node;
                }
                return done;
            } else if (c instanceof Condition.Always) {
                return new ConstantNode(Tri.TRUE, "a concern was logged", null);
            } else if (c instanceof Condition.FactIs f && f.fact() != null
                    && f.index() < KnownFacts.BOOLEAN_FACTS.size()) {
                return new FactIsNode(f);
            } else if (c instanceof Condition.FactUnknown f && f.fact() != null) {
                return new FactUnknownNode(f);
            } else if (c instanceof Condition.FactNotFalse f && f.fact() != null) {
                return new FactNotFalseNode(f);
            } else if (c instanceof Condition.DerivedIs d && DerivedFacts.which(d.name()) >= 0) {
                return new DerivedIsNode(d, DerivedFacts.which(d.name()));
            } else if (c instanceof Condition.IncidentTypeIn n) {
                return new IncidentTypeInNode(n);
            } else if (c instanceof Condition.SexualViolenceTypeIn s) {
                return new EnumValueInNode(true, s.types(), SexualViolenceType.values(), "sexualViolenceType");
            } else if (c instanceof Condition.VictimWishesIn w) {
                return new EnumValueInNode(false, w.wishes(), VictimWishes.values(), "victimWishes");
            } else if (c instanceof Condition.NumberCompare n && n.name() != null && n.comparison() != null
                    && n.comparison().op() != null) {
                return new NumberNode(n);
            } else if (c instanceof Condition.AnyParticipant p && p.condition() != null) {
                return new AnyParticipantNode(pnode(p.condition()), p.condition().describe());
            } else if (c instanceof Condition.ReporterIs r) {
                return new ReporterNode(r);
            } else if (c instanceof Condition.AttestationComplete) {
                return new AttestationNode();
            } else if (c instanceof Condition.FlagEnabled f && f.flag() != null) {
                return new ConstantNode(Tri.of(flag(f.flag())), "flag " + f.flag() + " is enabled",
                        "flag " + f.flag() + " is disabled");
            }
            return new Delegate(c);
        }

        private Node[] nodes(List<Condition> items) {
            Node[] nodes = new Node[items.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = node(items.get(i));
            }
            return nodes;
        }

        PNode pnode(ParticipantCondition p) {
            try {
                if (p instanceof ParticipantCondition.All a && a.describe() != null) {
                    return new PAll(pnodes(a.items()));
                } else if (p instanceof ParticipantCondition.Any a && a.describe() != null) {
                    return new PAny(pnodes(a.items()));
                } else if (p instanceof ParticipantCondition.Not n && n.item() != null) {
                    return new PNot(pnode(n.item()), n.item().describe());
                } else if (p instanceof ParticipantCondition.RoleIn r) {
                    return new PRoleNode(false, r.roles(), ParticipantRole.values());
                } else if (p instanceof ParticipantCondition.StaffRoleIn s) {
                    return new PRoleNode(true, s.roles(), StaffRole.values());
                } else if (p instanceof ParticipantCondition.AgeCompare a && a.comparison() != null
                        && a.comparison().op() != null) {
                    return new PAgeNode(a);
                } else if (p instanceof ParticipantCondition.AttributeIs a && a.attribute() != null) {
                    return new PAttributeNode(a);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // fall through to the record itself
            }
            return new PDelegate(p);
        }

        private PNode[] pnodes(List<ParticipantCondition> items) {
            PNode[] nodes = new PNode[items.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = pnode(items.get(i));
            }
            return nodes;
        }
    }
}
