package uk.dsltriage.rules;

import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rule set when it is built, so that evaluation never meets a missing part: no null anywhere in a rule,
 * a conflict or a condition; every fact, derived fact, number and flag a condition names exists; rule ids are
 * present and distinct; every named definition has its own slot.
 */
final class RuleSetValidator {

    private final FactCatalog facts;
    private final Map<String, Boolean> flags;
    private final Map<Condition.Defined, String> definitions = new IdentityHashMap<>();
    private final Set<Integer> slots = new HashSet<>();
    private String where;

    private RuleSetValidator(FactCatalog facts, Map<String, Boolean> flags) {
        this.facts = facts;
        this.flags = flags;
    }

    static void check(String ruleSetId, String version, String sha256, FactCatalog facts, Map<String, Boolean> flags,
            List<Rule> rules, List<ConflictRule> conflicts) {
        require(ruleSetId != null && version != null && sha256 != null, "the rule set has no id, version or sha256");
        require(facts != null, "the rule set has no fact catalog");
        new RuleSetValidator(facts, flags).check(rules, conflicts);
    }

    private void check(List<Rule> rules, List<ConflictRule> conflicts) {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            require(r != null && r.id() != null, "a rule has no id");
            where = "rule " + r.id();
            require(ids.add(r.id()), where + ": id used twice");
            require(r.title() != null, where + ": no title");
            require(r.onUnknown() != null, where + ": no onUnknown");
            outcome(r.outcome(), "outcome");
            condition(r.condition(), "condition");
            require(r.enabledByFlag() == null || flags.containsKey(r.enabledByFlag()),
                    where + ": enabledByFlag names an undeclared flag");
            for (int i = 0; i < r.also().size(); i++) {
                ConditionalOutcome a = r.also().get(i);
                require(a.onUnknown() != null && a.explanation() != null, where + ": also[" + i + "] is incomplete");
                outcome(a.outcome(), "also[" + i + "].outcome");
                condition(a.when(), "also[" + i + "].when");
            }
        }
        for (ConflictRule x : conflicts) {
            require(x != null && x.id() != null, "a conflict has no id");
            where = "conflict " + x.id();
            require(ids.add(x.id()), where + ": id used twice");
            require(x.title() != null, where + ": no title");
            require(x.condition() == null || x.onUnknown() != null, where + ": no onUnknown");
            if (x.condition() != null) {
                condition(x.condition(), "condition");
            }
        }
    }

    private void outcome(Outcome o, String path) {
        require(o != null, where + ": no " + path); // its lists refuse null entries themselves
    }

    private void condition(Condition c, String path) {
        require(c != null, where + ": " + path + " is missing");
        if (c instanceof Condition.All a) {
            items(a.items(), path + ".all");
        } else if (c instanceof Condition.Any a) {
            items(a.items(), path + ".any");
        } else if (c instanceof Condition.Not n) {
            condition(n.item(), path + ".not");
        } else if (c instanceof Condition.Definitely d) {
            condition(d.item(), path + ".definitely");
        } else if (c instanceof Condition.Possibly p) {
            condition(p.item(), path + ".possibly");
        } else if (c instanceof Condition.Defined d) {
            defined(d, path);
        } else if (c instanceof Condition.FactIs f) {
            require(f.fact() != null && facts.indexOf(f.fact()) == f.index() && f.index() >= 0,
                    where + ": " + path + " names an unknown fact");
        } else if (c instanceof Condition.FactUnknown f) {
            require(facts.contains(f.fact()), where + ": " + path + " names an unknown fact");
        } else if (c instanceof Condition.FactNotFalse f) {
            require(facts.contains(f.fact()), where + ": " + path + " names an unknown fact");
        } else if (c instanceof Condition.DerivedIs d) {
            require(d.name() != null && KnownFacts.DERIVED_BOOLEAN_FACTS.contains(d.name()),
                    where + ": " + path + " names an unknown derived fact");
        } else if (c instanceof Condition.NumberCompare n) {
            require(n.name() != null && KnownFacts.NUMBERS.contains(n.name()), where + ": " + path + " names an unknown number");
            comparison(n.comparison(), path);
        } else if (c instanceof Condition.AnyParticipant p) {
            participant(p.condition(), path + ".anyParticipant");
        } else if (c instanceof Condition.ReporterIs r) {
            require("isDsl".equals(r.attribute()) || "isTeacher".equals(r.attribute()),
                    where + ": " + path + " names an unknown reporter attribute");
        } else if (c instanceof Condition.FlagEnabled f) {
            require(f.flag() != null && flags.containsKey(f.flag()), where + ": " + path + " names an undeclared flag");
        }
        // Always, AttestationComplete and the enum-set leaves have no part that can be missing (their sets refuse null).
    }

    private void items(List<Condition> items, String path) {
        require(!items.isEmpty(), where + ": " + path + " is empty");
        for (int i = 0; i < items.size(); i++) {
            condition(items.get(i), path + "[" + i + "]");
        }
    }

    private void defined(Condition.Defined d, String path) {
        if (definitions.containsKey(d)) {
            return;
        }
        require(d.name() != null && d.slot() >= 0, where + ": " + path + " is a definition without a name or slot");
        require(slots.add(d.slot()), where + ": " + path + ": definition " + d.name() + " shares a slot with another");
        definitions.put(d, d.name());
        condition(d.condition(), path + "(" + d.name() + ")");
    }

    private void participant(ParticipantCondition p, String path) {
        require(p != null, where + ": " + path + " is missing");
        if (p instanceof ParticipantCondition.All a) {
            require(!a.items().isEmpty(), where + ": " + path + ".all is empty");
            for (int i = 0; i < a.items().size(); i++) {
                participant(a.items().get(i), path + ".all[" + i + "]");
            }
        } else if (p instanceof ParticipantCondition.Any a) {
            require(!a.items().isEmpty(), where + ": " + path + ".any is empty");
            for (int i = 0; i < a.items().size(); i++) {
                participant(a.items().get(i), path + ".any[" + i + "]");
            }
        } else if (p instanceof ParticipantCondition.Not n) {
            participant(n.item(), path + ".not");
        } else if (p instanceof ParticipantCondition.AgeCompare a) {
            comparison(a.comparison(), path);
        } else if (p instanceof ParticipantCondition.AttributeIs a) {
            require(a.attribute() != null, where + ": " + path + " names no attribute");
        }
    }

    private void comparison(Comparison comparison, String path) {
        require(comparison != null && comparison.op() != null, where + ": " + path + " has no comparison operator");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new InvalidRuleSetException(problem);
        }
    }
}
