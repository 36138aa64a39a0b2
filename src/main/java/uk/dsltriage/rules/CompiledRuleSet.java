package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What of a {@link RuleSet} can be worked out before any input is seen: outcomes as bit masks, whether each rule
 * is enabled by its flag, each fired rule's position in the result (fired rules are listed by id) and the static
 * parts of every explanation. Conditions are not copied: the {@link Condition} records are the one evaluator.
 * Immutable and thread-safe.
 */
final class CompiledRuleSet {

    final CRule[] rules;
    final CConflict[] conflicts;
    /** Fired-rule ids (rules and conflicts together). */
    final int slots;
    /**
     * "no participant has (...)" for each anyParticipant's condition (by identity): the description is the same
     * for every input, so it is written once here rather than in every explanation that needs it.
     */
    final Map<ParticipantCondition, String> noParticipantHas;
    /** The enabled rules with plain inputs taken together, or null when there are none. */
    final PlainPart plainPart;

    private CompiledRuleSet(CRule[] rules, CConflict[] conflicts, int slots,
            Map<ParticipantCondition, String> noParticipantHas, PlainPart plainPart) {
        this.rules = rules;
        this.plainPart = plainPart;
        this.conflicts = conflicts;
        this.slots = slots;
        this.noParticipantHas = noParticipantHas;
    }

    static CompiledRuleSet compile(RuleSet rs) {
        // Fired rules are listed by id (ids are distinct: RuleSetValidator): each rule's place is fixed here.
        TreeSet<String> ids = new TreeSet<>();
        rs.rules().forEach(r -> ids.add(r.id()));
        rs.conflicts().forEach(x -> ids.add(x.id()));
        List<String> order = new ArrayList<>(ids);
        List<Rule> given = rs.rules();
        List<PlainInputs> plain = new ArrayList<>();
        for (Rule r : given) {
            plain.add(enabled(rs, r) ? PlainInputs.of(r, rs.facts()) : null);
        }
        PlainPart part = PlainPart.of(plain, rs.facts().words());
        CRule[] rules = new CRule[given.size()];
        for (int i = 0; i < rules.length; i++) {
            Rule r = given.get(i);
            PlainInputs in = plain.get(i);
            rules[i] = new CRule(r, slot(order, r.id()), enabled(rs, r), FactGuard.of(r.condition(), rs.facts()),
                    in, part == null || in == null ? -1 : part.needs(in));
        }
        CConflict[] conflicts = rs.conflicts().stream()
                .map(x -> new CConflict(x, slot(order, x.id())))
                .toArray(CConflict[]::new);
        Map<ParticipantCondition, String> texts = new IdentityHashMap<>();
        for (Rule r : rs.rules()) {
            prerender(r.condition(), texts);
            r.also().forEach(a -> prerender(a.when(), texts));
        }
        rs.conflicts().forEach(x -> prerender(x.condition(), texts));
        return new CompiledRuleSet(rules, conflicts, order.size(), texts, part);
    }

    private static boolean enabled(RuleSet rs, Rule r) {
        return r.enabledByFlag() == null || rs.flag(r.enabledByFlag());
    }

    static String noParticipantHas(ParticipantCondition condition) {
        return "no participant has (" + condition.describe() + ")";
    }

    private static void prerender(Condition c, Map<ParticipantCondition, String> texts) {
        if (c instanceof Condition.All a) {
            a.items().forEach(item -> prerender(item, texts));
        } else if (c instanceof Condition.Any a) {
            a.items().forEach(item -> prerender(item, texts));
        } else if (c instanceof Condition.Not n) {
            prerender(n.item(), texts);
        } else if (c instanceof Condition.Definitely d) {
            prerender(d.item(), texts);
        } else if (c instanceof Condition.Possibly p) {
            prerender(p.item(), texts);
        } else if (c instanceof Condition.Defined d) {
            prerender(d.condition(), texts);
        } else if (c instanceof Condition.AnyParticipant p && !texts.containsKey(p.condition())) {
            try {
                texts.put(p.condition(), noParticipantHas(p.condition()));
            } catch (RuntimeException e) {
                // Left to the evaluation, which fails that rule alone, as it always has.
            }
        }
    }

    private static int slot(List<String> order, String id) {
        return Collections.binarySearch(order, id);
    }

    /** A rule or conflict's explanation template with the static parts split out. */
    static final class Explanation {
        private static final String NO_REASONS = "its conditions hold";
        /** The template split around "{because}", or null when it has none. */
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

        String build(List<String> reasons, List<String> extras, Writer w) {
            StringBuilder sb = w.start();
            if (parts == null) {
                sb.append(prefix);
                because(reasons, w);
                sb.append('.');
            } else {
                sb.append(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    because(reasons, w);
                    sb.append(parts[i]);
                }
            }
            for (int i = 0, n = extras.size(); i < n; i++) {
                sb.append(" Also: ").append(extras.get(i)).append('.');
            }
            return sb.toString();
        }

        private static void because(List<String> reasons, Writer w) {
            if (reasons.isEmpty()) {
                w.sb.append(NO_REASONS);
            } else {
                w.appendDistinct(reasons);
            }
        }
    }

    /**
     * A rule's fired-rule records already written, by the reasons and extras their explanation was written from.
     * An explanation is a function of those alone ({@link Explanation#build}), so a rule that fires again for the
     * same reasons gets the same immutable {@link FiredRule} back instead of its text written again, character by
     * character. Bounded whatever the inputs: a direct-mapped table of {@link #SIZE} entries per rule, a newer entry
     * taking an older one's slot. Thread-safe without locks: an entry is immutable (final fields, its arrays copied
     * in its constructor), so a racy read sees nothing, an older entry or a whole newer one, and every entry read is
     * checked against the reasons in hand before it is used.
     */
    static final class FiredRules {
        static final int SIZE = 8;
        private final String id;
        private final String title;
        private final List<Citation> citations;
        private final Explanation explanation;
        private final Entry[] entries = new Entry[SIZE];

        FiredRules(String id, String title, List<Citation> citations, String template) {
            this.id = id;
            this.title = title;
            this.citations = List.copyOf(citations);
            this.explanation = new Explanation(template);
        }

        FiredRule fired(List<String> reasons, List<String> extras, Writer w) {
            int hash = hash(reasons, extras);
            int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
            Entry entry = entries[slot];
            if (entry != null && entry.hash == hash && entry.matches(reasons, extras)) {
                return entry.fired;
            }
            FiredRule fired = new FiredRule(id, title, explanation.build(reasons, extras, w), citations);
            entries[slot] = new Entry(hash, reasons, extras, fired);
            return fired;
        }

        private static int hash(List<String> reasons, List<String> extras) {
            int h = reasons.size();
            for (int i = 0, n = reasons.size(); i < n; i++) {
                h = 31 * h + java.util.Objects.hashCode(reasons.get(i));
            }
            h = 31 * h + extras.size();
            for (int i = 0, n = extras.size(); i < n; i++) {
                h = 31 * h + java.util.Objects.hashCode(extras.get(i));
            }
            return h;
        }

        private static final class Entry {
            final int hash;
            final String[] reasons;
            final String[] extras;
            final FiredRule fired;

            Entry(int hash, List<String> reasons, List<String> extras, FiredRule fired) {
                this.hash = hash;
                this.reasons = reasons.toArray(new String[0]);
                this.extras = extras.toArray(new String[0]);
                this.fired = fired;
            }

            boolean matches(List<String> reasons, List<String> extras) {
                return same(this.reasons, reasons) && same(this.extras, extras);
            }

            private static boolean same(String[] kept, List<String> given) {
                if (kept.length != given.size()) {
                    return false;
                }
                for (int i = 0; i < kept.length; i++) {
                    String s = given.get(i);
                    if (kept[i] != s && (kept[i] == null || !kept[i].equals(s))) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /**
     * One evaluation's scratch for explanations: a builder reused for every fired rule, and a table that names each
     * reason once. Not thread-safe: one per evaluation.
     */
    static final class Writer {
        private static final int FEW = 16;
        final StringBuilder sb = new StringBuilder(1024);
        private String[] seen = new String[64];

        StringBuilder start() {
            sb.setLength(0);
            return sb;
        }

        /** head, the reasons as {@link #appendDistinct} writes them, then tail: a conditional outcome's text. */
        String joined(String head, List<String> reasons, String tail) {
            start().append(head);
            appendDistinct(reasons);
            return sb.append(tail).toString();
        }

        /**
         * The reasons joined by " and ", each once, in the order first given: rules that repeat a shared
         * definition's part (childImageIncident and its own childDepictedUnder18) name a matched fact once.
         */
        void appendDistinct(List<String> reasons) {
            int n = reasons.size();
            if (n <= FEW) {
                // A few: comparing them (mostly the same instances, the leaves' texts are built once) beats hashing.
                int start = sb.length();
                for (int i = 0; i < n; i++) {
                    String reason = reasons.get(i);
                    if (!seenBefore(reasons, i, reason)) {
                        // No separator while nothing (or only empty text) has been written, as before.
                        (sb.length() == start ? sb : sb.append(" and ")).append(reason);
                    }
                }
                return;
            }
            int mask = tableFor(n);
            for (int i = 0; i < n; i++) {
                String reason = reasons.get(i);
                int h = reason.hashCode();
                int slot = (h ^ (h >>> 16)) & mask;
                String there;
                while ((there = seen[slot]) != null && !there.equals(reason)) {
                    slot = (slot + 1) & mask;
                }
                if (there == null) {
                    seen[slot] = reason;
                    separate(i).append(reason);
                }
            }
        }

        private StringBuilder separate(int i) {
            return i == 0 ? sb : sb.append(" and ");
        }

        /** A cleared table at least four times n (at most a quarter full), as a mask. */
        private int tableFor(int n) {
            int size = Integer.highestOneBit(n * 4 - 1) << 1;
            if (seen.length < size) {
                seen = new String[size];
            } else {
                java.util.Arrays.fill(seen, 0, size, null);
            }
            return size - 1;
        }
    }

    private static boolean seenBefore(List<String> reasons, int end, String reason) {
        for (int j = 0; j < end; j++) {
            if (reasons.get(j).equals(reason)) {
                return true;
            }
        }
        return false;
    }

    /** An {@link Outcome} as bit masks ({@link EnumMasks}), ready to be added to the result. */
    static final class COutcome {
        final long routes;
        final long required;
        final long forbidden;
        final Urgency urgency;
        final boolean withdraws;
        final boolean dslDecision;

        COutcome(Outcome o) {
            this(EnumMasks.of(o.routes()), EnumMasks.of(o.requiredActions()), EnumMasks.of(o.forbiddenActions()),
                    o.urgency(), o.withdrawsInternalHandling(), o.dslDecisionRequired());
        }

        private COutcome(long routes, long required, long forbidden, Urgency urgency, boolean withdraws,
                boolean dslDecision) {
            this.routes = routes;
            this.required = required;
            this.forbidden = forbidden;
            this.urgency = urgency;
            this.withdraws = withdraws;
            this.dslDecision = dslDecision;
        }

        /** Both added to a result (adding is a union, the highest urgency and an or: order does not matter). */
        COutcome plus(COutcome o) {
            return o == null ? this : new COutcome(routes | o.routes, required | o.required, forbidden | o.forbidden,
                    Urgency.highest(urgency, o.urgency), withdraws || o.withdraws, dslDecision || o.dslDecision);
        }
    }

    /**
     * All that one rule adds to a result: its outcomes (with its conditional ones) as one, its fired record, the facts
     * it asks for. Immutable.
     */
    static final class Contribution {
        static final Contribution NONE = new Contribution(null, null, new String[0]);

        /** Null when the rule did not fire. */
        final COutcome outcome;
        final FiredRule fired;
        final String[] missing;

        Contribution(COutcome outcome, FiredRule fired, String[] missing) {
            this.outcome = outcome;
            this.fired = fired;
            this.missing = missing;
        }
    }

    /**
     * A rule's contributions already worked out, by the values of its {@link PlainInputs}: a function of those alone,
     * so an input with the same values gets the same immutable contribution (value, outcomes, missing facts and
     * explanation) without the rule being walked or its reasons written. Bounded whatever the inputs: a
     * direct-mapped table of {@link #SIZE} entries, a newer entry taking an older one's slot. Thread-safe without
     * locks: an entry is immutable (its key copied in), and every entry read is compared word for word with the
     * key in hand.
     */
    static final class Contributions extends WordTable<Contribution> {
        static final int SIZE = 8;

        Contributions() {
            super(SIZE);
        }
    }

    static final class CAlso {
        final ConditionalOutcome also;
        final COutcome outcome;
        /** explanation + " (": the extra is this, the reasons, then ")". */
        final String head;

        CAlso(ConditionalOutcome a) {
            also = a;
            outcome = new COutcome(a.outcome());
            head = a.explanation() + " (";
        }
    }

    static final class CRule {
        final Rule rule;
        final int slot;
        final boolean enabled;
        final COutcome outcome;
        final CAlso[] also;
        final FiredRules fired;
        /** Facts that settle the rule's condition FALSE without walking it. */
        final FactGuard guard;
        /** The plain inputs the rule reads, or null when it reads others (it is then walked every time). */
        final PlainInputs plain;
        final Contributions contributions = new Contributions();
        /**
         * The {@link PlainPart} states that must hold for this rule to be keyed with the part's other rules, or -1
         * when it is not in the part (disabled, or without plain inputs).
         */
        final long partNeeds;

        CRule(Rule r, int slot, boolean enabled, FactGuard guard, PlainInputs plain, long partNeeds) {
            this.rule = r;
            this.partNeeds = partNeeds;
            this.guard = guard;
            this.plain = plain;
            this.slot = slot;
            this.enabled = enabled;
            this.outcome = new COutcome(r.outcome());
            this.also = r.also().stream().map(CAlso::new).toArray(CAlso[]::new);
            this.fired = new FiredRules(r.id(), r.title(), r.citations(), r.explanation());
        }
    }

    static final class CConflict {
        final ConflictRule conflict;
        final int slot;
        final long whenRoutes;
        final long whenForbidden;
        final long addForbidden;
        final long removeRequired;
        final long removeRoutes;
        final long addRoutes;
        final FiredRules fired;

        CConflict(ConflictRule x, int slot) {
            this.conflict = x;
            this.slot = slot;
            this.whenRoutes = EnumMasks.of(x.whenRoutesAny());
            this.whenForbidden = EnumMasks.of(x.whenForbiddenAny());
            this.addForbidden = EnumMasks.of(x.addForbiddenActions());
            this.removeRequired = EnumMasks.of(x.removeRequiredActions());
            this.removeRoutes = EnumMasks.of(x.removeRoutes());
            this.addRoutes = EnumMasks.of(x.addRoutes());
            this.fired = new FiredRules(x.id(), x.title(), x.citations(), x.explanation());
        }
    }
}
