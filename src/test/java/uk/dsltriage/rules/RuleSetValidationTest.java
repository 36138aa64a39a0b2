package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/** Conditions are validated data: a rule set with a null part or a name the engine does not know is never built. */
class RuleSetValidationTest {

    private static final Outcome OUTCOME = new Outcome(List.of(Route.EARLY_HELP), Urgency.REVIEW, List.of(),
            List.of(), false, false, false);

    private static Rule rule(String id, Condition condition) {
        return new Rule(id, "title", condition, UnknownPolicy.ASK, OUTCOME, List.of(), List.of(), "why", null);
    }

    private static String refusal(Map<String, Boolean> flags, Rule... rules) {
        return assertThrows(InvalidRuleSetException.class, () -> new RuleSet("t", "1", "t", "g",
                LocalDate.of(2025, 1, 1), "abc", flags, List.of(rules), List.of(), new byte[0])).getMessage();
    }

    @Test
    void aMissingConditionIsRefused() {
        assertEquals("rule R01: condition is missing", refusal(Map.of(), rule("R01", null)));
        assertEquals("rule R01: condition.all[1].not is missing", refusal(Map.of(), rule("R01",
                new Condition.All(List.of(new Condition.Always(), new Condition.Not(null))))));
    }

    @Test
    void anUnknownFactIsRefused() {
        assertEquals("rule R01: condition.any[0] names an unknown fact", refusal(Map.of(),
                rule("R01", new Condition.Any(List.of(new Condition.FactIs("notAFact", true))))));
        assertEquals("rule R07: condition names an unknown fact",
                refusal(Map.of(), rule("R07", new Condition.FactUnknown("imagesInvolvd"))));
        assertEquals("rule R07: condition names an unknown derived fact",
                refusal(Map.of(), rule("R07", new Condition.DerivedIs("ageGap", true))));
        assertEquals("rule R07: condition names an unknown number", refusal(Map.of(), rule("R07",
                new Condition.NumberCompare("age", new Comparison(Comparison.Op.GT, 1)))));
    }

    @Test
    void aFactOfAnotherCatalogIsRefused() {
        FactCatalog other = FactCatalog.of(List.of("x", "imagesInvolved"));
        assertEquals("rule R01: condition names an unknown fact",
                refusal(Map.of(), rule("R01", new Condition.FactIs(other, "imagesInvolved", true))));
    }

    @Test
    void anUndeclaredFlagOrARepeatedIdIsRefused() {
        assertEquals("rule R01: condition names an undeclared flag",
                refusal(Map.of(), rule("R01", new Condition.FlagEnabled("NOPE"))));
        assertEquals("rule R01: id used twice",
                refusal(Map.of(), rule("R01", new Condition.Always()), rule("R01", new Condition.Always())));
    }

    @Test
    void aMissingParticipantPartIsRefused() {
        assertEquals("rule R01: condition.anyParticipant has no comparison operator", refusal(Map.of(),
                rule("R01", new Condition.AnyParticipant(new ParticipantCondition.AgeCompare(new Comparison(null, 3))))));
        assertEquals("rule R01: condition.anyParticipant.not is missing", refusal(Map.of(),
                rule("R01", new Condition.AnyParticipant(new ParticipantCondition.Not(null)))));
    }
}
