package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The compiled engine gives exactly what the record interpreter ({@link ReferenceEngine}) gives: every
 * field, compared through the golden test's canonical rendering (explanations to the character).
 */
class CompiledEngineMatchesReferenceTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final ReferenceEngine REFERENCE = new ReferenceEngine();

    @Property(tries = 1000)
    void sameAsTheInterpreterOnGeneratedInputs(@ForAll("inputs") TriageInput input) {
        same(Fixtures.RULES, input);
        same(RuleCasesTest.FLAG_ON, input);
    }

    @Test
    void sameAsTheInterpreterOnEveryGoldenInput() {
        for (GoldenOutputTest.Case c : GoldenOutputTest.cases()) {
            same(c.ruleSet(), c.input());
        }
    }

    private static void same(RuleSet rules, TriageInput input) {
        assertEquals(GoldenOutputTest.render(REFERENCE.evaluate(rules, input)),
                GoldenOutputTest.render(ENGINE.evaluate(rules, input)));
        assertEquals(REFERENCE.evaluate(rules, input), ENGINE.evaluate(rules, input));
    }

    @Provide
    Arbitrary<TriageInput> inputs() {
        return new EnginePropertiesTest().inputs();
    }
}
