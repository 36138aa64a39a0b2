package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import java.util.ArrayList;
import java.util.List;

/**
 * What of the input settles a rule's condition FALSE before it is walked, worked out once when a rule set is
 * compiled: a few terms, each a conjunction of plain tests (a fact known true, a fact known false, the incident types
 * given and none of a set, the sexual-violence type given and not one of a set), any of which, holding, makes the
 * condition FALSE in the conditions' own three-valued semantics whatever every other input is. An all is FALSE when
 * any item is, an any when every item is; not swaps FALSE and TRUE; definitely, possibly and a named definition are
 * FALSE when their item is. At evaluation a term is a few bit tests; a rule it settles is skipped, every other rule is
 * walked as before, and the walk alone decides it (and gives its reasons and missing facts).
 *
 * <p>Every other operator contributes nothing, and terms beyond {@link #MAX_TERMS} are dropped, so a guard is only
 * ever narrower than the semantics, never wider. Immutable.
 */
final class FactGuard {

    static final int MAX_TERMS = 8;
    /** Deeper conditions get no guard (they are walked as they always were). */
    private static final int MAX_DEPTH = 32;

    private final Term[] terms;

    private FactGuard(List<Term> terms) {
        this.terms = terms.stream().filter(Term::testsSomething).toArray(Term[]::new);
    }

    static FactGuard of(Condition condition, FactCatalog catalog) {
        List<Term> terms = List.of();
        if (condition != null) {
            try {
                terms = settling(condition, false, catalog, 0);
            } catch (RuntimeException | StackOverflowError e) {
                // Left to the walk, which reports such a condition as it always has.
            }
        }
        return new FactGuard(terms);
    }

    /** True when the input settles the condition FALSE. */
    boolean settlesFalse(EvaluationContext c) {
        for (Term t : terms) {
            if (t.holds(c)) {
                return true;
            }
        }
        return false;
    }

    int terms() {
        return terms.length;
    }

    /** The terms that make the condition {@code value}. */
    private static List<Term> settling(Condition condition, boolean value, FactCatalog catalog, int depth) {
        if (depth > MAX_DEPTH) {
            return List.of();
        }
        if (condition instanceof Condition.FactIs f) {
            // FALSE when the fact is known to be the other value; TRUE when it is known to be the expected one.
            return Term.fact(catalog, f.index(), value == f.expected());
        }
        if (condition instanceof Condition.FactNotFalse f) {
            // FALSE only when the fact is known false; TRUE when it is known true.
            return Term.fact(catalog, catalog.indexOf(f.fact()), value);
        }
        if (condition instanceof Condition.IncidentTypeIn in && !value) {
            Term t = new Term(catalog.words());
            t.typesGiven = true;
            t.typesNoneOf = EnumMasks.of(in.types());
            return List.of(t);
        }
        if (condition instanceof Condition.SexualViolenceTypeIn in && !value) {
            Term t = new Term(catalog.words());
            t.violenceGiven = true;
            t.violenceNoneOf = EnumMasks.of(in.allowed());
            return List.of(t);
        }
        if (condition instanceof Condition.All a) {
            return value ? every(a.items(), true, catalog, depth) : some(a.items(), false, catalog, depth);
        }
        if (condition instanceof Condition.Any a) {
            return value ? some(a.items(), true, catalog, depth) : every(a.items(), false, catalog, depth);
        }
        if (condition instanceof Condition.Not n) {
            return settling(n.item(), !value, catalog, depth + 1);
        }
        if (condition instanceof Condition.Definitely d) {
            return settling(d.item(), value, catalog, depth + 1);
        }
        if (condition instanceof Condition.Possibly p) {
            return settling(p.item(), value, catalog, depth + 1);
        }
        if (condition instanceof Condition.Defined d) {
            return settling(d.condition(), value, catalog, depth + 1);
        }
        return List.of();
    }

    /** Any one item with the value settles the junction: every item's terms. */
    private static List<Term> some(List<Condition> items, boolean value, FactCatalog catalog, int depth) {
        List<Term> all = new ArrayList<>();
        for (Condition item : items) {
            for (Term t : settling(item, value, catalog, depth + 1)) {
                if (all.size() < MAX_TERMS) {
                    all.add(t);
                }
            }
        }
        return all;
    }

    /** Every item needs the value: a term of each item, together. */
    private static List<Term> every(List<Condition> items, boolean value, FactCatalog catalog, int depth) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Term> together = settling(items.get(0), value, catalog, depth + 1);
        for (int i = 1; i < items.size() && !together.isEmpty(); i++) {
            List<Term> next = settling(items.get(i), value, catalog, depth + 1);
            List<Term> both = new ArrayList<>();
            for (Term a : together) {
                for (Term b : next) {
                    if (both.size() < MAX_TERMS) {
                        both.add(a.and(b));
                    }
                }
            }
            together = both;
        }
        return together;
    }

    /** A conjunction of plain tests of the input. */
    private static final class Term {
        /** Facts that must be known true, and known false, by catalog position. */
        final long[] whenTrue;
        final long[] whenFalse;
        /** Incident types given (at least one) and none of these. */
        boolean typesGiven;
        long typesNoneOf;
        /** A sexual-violence type given and not one of these. */
        boolean violenceGiven;
        long violenceNoneOf;

        Term(int words) {
            whenTrue = new long[words];
            whenFalse = new long[words];
        }

        /** The fact at a catalog position, known to be {@code known}; nothing for a fact the catalog lacks. */
        static List<Term> fact(FactCatalog catalog, int index, boolean known) {
            if (index < 0 || index >= catalog.size()) {
                return List.of();
            }
            Term t = new Term(catalog.words());
            (known ? t.whenTrue : t.whenFalse)[index >>> 6] |= 1L << index;
            return List.of(t);
        }

        Term and(Term other) {
            Term t = new Term(whenTrue.length);
            for (int w = 0; w < whenTrue.length; w++) {
                t.whenTrue[w] = whenTrue[w] | other.whenTrue[w];
                t.whenFalse[w] = whenFalse[w] | other.whenFalse[w];
            }
            t.typesGiven = typesGiven || other.typesGiven;
            t.typesNoneOf = typesNoneOf | other.typesNoneOf;
            t.violenceGiven = violenceGiven || other.violenceGiven;
            t.violenceNoneOf = violenceNoneOf | other.violenceNoneOf;
            return t;
        }

        boolean testsSomething() {
            if (typesGiven || violenceGiven) {
                return true;
            }
            for (int w = 0; w < whenTrue.length; w++) {
                if ((whenTrue[w] | whenFalse[w]) != 0) {
                    return true;
                }
            }
            return false;
        }

        boolean holds(EvaluationContext c) {
            return (!typesGiven || c.incidentTypesNoneOf(typesNoneOf))
                    && (!violenceGiven || c.sexualViolenceTypeNotOneOf(violenceNoneOf))
                    && c.allFacts(whenTrue, whenFalse);
        }
    }

    static {
        // The type tests hold each enum in one long.
        if (IncidentType.values().length > 64 || SexualViolenceType.values().length > 64) {
            throw new IllegalStateException("more than 64 constants");
        }
    }
}
