package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The engine has no ceiling on the number of facts: a synthetic catalog of 150 facts (three bit words), with rules
 * on facts either side of every word boundary, evaluates exactly as on the production catalog.
 */
class ManyFactsTest {

    private static final int FACTS = 150;
    private static final int[] TESTED = {0, 62, 63, 64, 65, 127, 128, 149};

    private static String name(int i) {
        return "fact" + i;
    }

    private static final FactCatalog CATALOG;
    private static final RuleSet RULES;

    static {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FACTS; i++) {
            names.add(name(i));
        }
        CATALOG = FactCatalog.of(names);
        List<Rule> rules = new ArrayList<>();
        for (int i : TESTED) {
            Outcome outcome = new Outcome(List.of(Route.EARLY_HELP), Urgency.REVIEW, List.of(), List.of(), false, false,
                    false);
            rules.add(new Rule(String.format("R%03d", i), "rule on " + name(i),
                    new Condition.FactIs(CATALOG, name(i), true), UnknownPolicy.ASK, outcome, List.of(), List.of(),
                    null, null));
        }
        rules.add(new Rule("U149", "unknown test", new Condition.FactUnknown(name(149)), UnknownPolicy.IGNORE,
                new Outcome(List.of(), Urgency.REVIEW, List.of(), List.of(), false, false, false), List.of(), List.of(),
                null, null));
        RULES = new RuleSet("synthetic", "1", "many facts", "g", LocalDate.of(2026, 9, 1), "0", Map.of(), rules,
                List.of(), new byte[0], CATALOG);
    }

    private static Recommendation evaluate(Map<String, Boolean> facts) {
        return new RuleEngine().evaluate(RULES, new TriageInput(null, List.of(IncidentType.OTHER), null, null, List.of(),
                facts, null, null, null));
    }

    @Test
    void eachFactOnEitherSideOfAWordBoundaryIsReadOnItsOwn() {
        assertTrue(CATALOG.size() > 64);
        for (int i : TESTED) {
            Map<String, Boolean> facts = new HashMap<>();
            for (int j = 0; j < FACTS; j++) {
                facts.put(name(j), j == i);
            }
            Recommendation r = evaluate(facts);
            List<String> fired = r.firedRules().stream().map(FiredRule::id).toList();
            assertEquals(List.of(String.format("R%03d", i)), fired, "fact " + i);
            assertEquals("Fired because " + name(i) + " is true.", r.firedRules().get(0).explanation());
            assertEquals(List.of(), r.missingFacts());
            assertEquals(List.of(), r.evaluationErrors());
        }
    }

    @Test
    void unknownFactsBeyondTheFirstWordAreAskedFor() {
        Map<String, Boolean> facts = new HashMap<>();
        for (int j = 0; j < 64; j++) {
            facts.put(name(j), false);
        }
        Recommendation r = evaluate(facts);
        assertEquals(List.of("fact127", "fact128", "fact149", "fact64", "fact65"), r.missingFacts());
        assertEquals(List.of("U149"), r.firedRules().stream().map(FiredRule::id).toList());
        assertTrue(r.dslDecisionRequired());
    }

    @Test
    void theProductionCatalogHasOnePositionPerDeclaredFact() {
        assertEquals(KnownFacts.BOOLEAN_FACTS.size(), KnownFacts.CATALOG.size());
        for (int i = 0; i < KnownFacts.BOOLEAN_FACTS.size(); i++) {
            assertEquals(i, KnownFacts.indexOf(KnownFacts.BOOLEAN_FACTS.get(i)));
        }
    }
}
