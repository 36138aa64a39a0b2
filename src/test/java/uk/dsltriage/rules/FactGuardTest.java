package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * A rule's {@link FactGuard} only ever skips a rule whose condition the walk finds FALSE: on every golden input and on
 * generated ones, for every rule of every shipped rule set, a guard that settles the condition agrees with
 * {@link Condition#eval}. And it does settle rules: facts known false skip the rules that need them true, an incident
 * type skips the rules of other types.
 */
class FactGuardTest {

    @Property(tries = 500)
    void aGuardNeverSettlesAConditionThatIsNotFalse(@ForAll("inputs") TriageInput input) {
        for (RuleSet rules : Fixtures.ALL) {
            sound(rules, input);
        }
    }

    @Test
    void soundOnEveryGoldenInput() {
        for (GoldenOutputTest.Case c : GoldenOutputTest.cases()) {
            sound(c.ruleSet(), c.input());
        }
    }

    @Test
    void factsKnownFalseSettleTheRulesThatNeedThemTrue() {
        Map<String, Boolean> facts = new HashMap<>();
        KnownFacts.BOOLEAN_FACTS.forEach(f -> facts.put(f, false));
        TriageInput input = new TriageInput(null, null, null, null, null, facts, null, null, null);
        RuleSet rules = Fixtures.RULES;
        EvaluationContext c = new EvaluationContext(input, rules.flags(), rules.facts());
        int settled = 0;
        for (Rule rule : rules.rules()) {
            if (FactGuard.of(rule.condition(), rules.facts()).settlesFalse(c)) {
                settled++;
            }
        }
        assertTrue(settled >= 10, "rules settled by facts known false: " + settled);
    }

    @Test
    void onlyPlainFactTestsCount() {
        FactCatalog catalog = KnownFacts.CATALOG;
        Condition fact = new Condition.FactIs("imagesInvolved", true);
        Condition notFact = new Condition.Not(fact);
        Map<String, Boolean> facts = Map.of("imagesInvolved", false);
        EvaluationContext known = new EvaluationContext(
                new TriageInput(null, null, null, null, null, facts, null, null, null), Map.of(), catalog);
        EvaluationContext unknown = new EvaluationContext(
                new TriageInput(null, null, null, null, null, Map.of(), null, null, null), Map.of(), catalog);
        assertTrue(FactGuard.of(fact, catalog).settlesFalse(known));
        assertFalse(FactGuard.of(fact, catalog).settlesFalse(unknown));
        assertFalse(FactGuard.of(notFact, catalog).settlesFalse(known));
        // An any is settled only by a fact that settles every item; an all by any item's fact.
        Condition other = new Condition.FactIs("imageViolent", true);
        assertFalse(FactGuard.of(new Condition.Any(List.of(fact, other)), catalog).settlesFalse(known));
        assertTrue(FactGuard.of(new Condition.All(List.of(other, fact)), catalog).settlesFalse(known));
        assertFalse(FactGuard.of(new Condition.Always(), catalog).settlesFalse(known));
    }

    @Test
    void incidentTypesSettleOnlyWhenGiven() {
        FactCatalog catalog = KnownFacts.CATALOG;
        Condition radicalisation = new Condition.Any(List.of(
                new Condition.IncidentTypeIn(Set.of(IncidentType.RADICALISATION)),
                new Condition.Definitely(new Condition.FactIs("radicalisationConcern", true))));
        FactGuard guard = FactGuard.of(radicalisation, catalog);
        Map<String, Boolean> concernFalse = Map.of("radicalisationConcern", false);
        assertTrue(guard.settlesFalse(context(List.of(IncidentType.NUDE_IMAGE_SHARING), concernFalse)));
        assertFalse(guard.settlesFalse(context(List.of(IncidentType.RADICALISATION), concernFalse)));
        assertFalse(guard.settlesFalse(context(List.of(IncidentType.NUDE_IMAGE_SHARING), Map.of())));
        // No incident type given: the type test is UNKNOWN, not FALSE.
        assertFalse(guard.settlesFalse(context(List.of(), concernFalse)));
        assertFalse(guard.settlesFalse(context(null, concernFalse)));
    }

    private static EvaluationContext context(List<IncidentType> types, Map<String, Boolean> facts) {
        return new EvaluationContext(new TriageInput(null, types, null, null, null, facts, null, null, null), Map.of(),
                KnownFacts.CATALOG);
    }

    private static void sound(RuleSet rules, TriageInput input) {
        EvaluationContext c;
        try {
            c = new EvaluationContext(input, rules.flags(), rules.facts());
        } catch (RuntimeException e) {
            return;
        }
        for (Rule rule : rules.rules()) {
            if (FactGuard.of(rule.condition(), rules.facts()).settlesFalse(c)) {
                assertEquals(Tri.FALSE, rule.condition().eval(c), rule.id());
            }
        }
    }

    @Provide
    Arbitrary<TriageInput> inputs() {
        return new EnginePropertiesTest().inputs();
    }
}
