package uk.dsltriage.rules;

import java.util.List;

/**
 * The inputs a rule reads, when they are all plain (facts, incident types, sexual-violence type, victim's wishes,
 * reporter, attestation, the rule set's flags), worked out once when a rule set is compiled. Everything the rule
 * contributes to a result (its value, outcomes, missing facts, reasons and so its explanation) is then a function of
 * those inputs' values alone, which {@link #fill} writes as a few words, the key of {@link CompiledRuleSet.Contributions}.
 *
 * <p>Two more inputs are plain only in one state, the usual one: adultInvolved and anyUnder13InImage when FALSE
 * (their reason is then a fixed text) and a condition on any participant when no participant meets it (its reason
 * is the fixed "no participant has (...)"). In any other state their reasons name participants, so {@link #fill}
 * says the input has no key and the rule is walked. A rule that reads powerImbalance, a number, or a participant
 * other than through those has no plain inputs ({@link #of} is null) and is walked every time.
 */
final class PlainInputs {

    private static final int MAX_DEPTH = 32;

    /** The facts read, one bit per catalog position. */
    private final long[] facts;
    /** The incident types read ({@link EnumMasks}). */
    private long incidentTypes;
    private boolean readsIncidentTypes;
    private boolean readsEnums;
    /** Derived facts read ({@link DerivedFacts#which}), one bit each: keyed only while FALSE. */
    private int derived;
    /** Conditions on any participant read: keyed only while no participant meets them. */
    private final List<Condition.AnyParticipant> anyParticipant = new java.util.ArrayList<>();

    private PlainInputs(int words) {
        this.facts = new long[words];
    }

    /** The plain inputs of a rule's condition and conditional outcomes, or null when it reads anything else. */
    static PlainInputs of(Rule rule, FactCatalog catalog) {
        PlainInputs in = new PlainInputs(catalog.words());
        try {
            boolean plain = in.add(rule.condition(), catalog, 0);
            for (ConditionalOutcome also : rule.also()) {
                plain &= in.add(also.when(), catalog, 0);
            }
            return plain ? in : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private boolean add(Condition condition, FactCatalog catalog, int depth) {
        if (condition == null || depth > MAX_DEPTH) {
            return false;
        }
        if (condition instanceof Condition.AllOrAny junction) {
            return addAll(junction.items(), catalog, depth);
        } else if (condition instanceof Condition.Not n) {
            return add(n.item(), catalog, depth + 1);
        } else if (condition instanceof Condition.Definitely d) {
            return add(d.item(), catalog, depth + 1);
        } else if (condition instanceof Condition.Possibly p) {
            return add(p.item(), catalog, depth + 1);
        } else if (condition instanceof Condition.Defined d) {
            return add(d.condition(), catalog, depth + 1);
        } else if (condition instanceof Condition.FactIs f) {
            return fact(f.index(), catalog);
        } else if (condition instanceof Condition.FactUnknown f) {
            return fact(catalog.indexOf(f.fact()), catalog);
        } else if (condition instanceof Condition.FactNotFalse f) {
            return fact(catalog.indexOf(f.fact()), catalog);
        } else if (condition instanceof Condition.IncidentTypeIn in) {
            readsIncidentTypes = true;
            incidentTypes |= EnumMasks.of(in.types());
            return true;
        } else if (condition instanceof Condition.OneOf<?> || condition instanceof Condition.ReporterIs
                || condition instanceof Condition.AttestationComplete) {
            readsEnums = true;
            return true;
        } else if (condition instanceof Condition.DerivedIs d) {
            int which = DerivedFacts.which(d.name());
            derived |= which == DerivedFacts.ADULT || which == DerivedFacts.UNDER13 ? 1 << which : 0;
            return which == DerivedFacts.ADULT || which == DerivedFacts.UNDER13;
        } else if (condition instanceof Condition.AnyParticipant p) {
            if (!anyParticipant.contains(p)) {
                anyParticipant.add(p);
            }
            return true;
        }
        return condition instanceof Condition.Always || condition instanceof Condition.FlagEnabled;
    }

    private boolean addAll(List<Condition> items, FactCatalog catalog, int depth) {
        boolean plain = true;
        for (Condition item : items) {
            plain &= add(item, catalog, depth + 1);
        }
        return plain;
    }

    /** A fact outside the catalog always reads as unknown: nothing to key on. */
    private boolean fact(int index, FactCatalog catalog) {
        if (index >= 0 && index < catalog.size()) {
            facts[index >>> 6] |= 1L << index;
        }
        return true;
    }

    /** The derived facts read ({@link DerivedFacts#which}), one bit each: the rule is keyed only while they are FALSE. */
    int derivedRead() {
        return derived;
    }

    /** The conditions on any participant read: the rule is keyed only while no participant meets them. */
    List<Condition.AnyParticipant> anyParticipantRead() {
        return anyParticipant;
    }

    /** Words in a key. */
    int length() {
        return 2 * facts.length + 2;
    }

    /**
     * The values of the inputs read, as {@link #length} words from 0 (facts known true, known false, types, enums);
     * false, and the key unusable, when a derived fact read is not FALSE or some participant meets a condition read.
     */
    boolean fill(EvaluationContext c, long[] key) {
        for (int which = 0; which < 3; which++) {
            if ((derived & 1 << which) != 0 && c.derived().tri(which) != Tri.FALSE) {
                return false;
            }
        }
        for (int i = 0, n = anyParticipant.size(); i < n; i++) {
            if (anyParticipant.get(i).eval(c, Node.NO_PARTICIPANT) != Tri.FALSE) {
                return false;
            }
        }
        int words = facts.length;
        for (int w = 0; w < words; w++) {
            key[w] = c.factTrueWord(w) & facts[w];
            key[words + w] = c.factFalseWord(w) & facts[w];
        }
        // Which of the types read are given decides the value and reasons; whether any is given decides "unknown".
        key[2 * words] = readsIncidentTypes ? c.incidentTypeBits() & incidentTypes : 0;
        key[2 * words + 1] = (readsIncidentTypes && c.incidentTypeBits() != 0 ? 1L << 32 : 0)
                | (readsEnums ? c.plainEnumKey() : 0);
        return true;
    }
}
