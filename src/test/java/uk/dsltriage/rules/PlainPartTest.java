package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The plain rules taken together ({@link PlainPart}): every enabled rule with plain inputs is in the part; an input
 * whose whole plain key was seen gets the part's sum, the same records the rules gave one by one; a state that
 * changes which rules are keyed (an adult involved) is part of the key; and evaluated once or again, every golden
 * input gives the oracle's result.
 */
class PlainPartTest {

    private static final ReferenceEngine ORACLE = new ReferenceEngine();

    @Test
    void everyEnabledRuleWithPlainInputsOfEveryShippedRuleSetIsInThePart() {
        for (RuleSet rs : Fixtures.ALL) {
            CompiledRuleSet compiled = rs.compiled();
            assertNotNull(compiled.plainPart, rs.version());
            int inPart = 0;
            for (CompiledRuleSet.CRule rule : compiled.rules) {
                assertEquals(rule.enabled && rule.plain != null, rule.partNeeds >= 0, rs.version() + " " + rule.rule.id());
                inPart += rule.partNeeds >= 0 ? 1 : 0;
            }
            assertTrue(inPart > compiled.rules.length / 2, rs.version() + ": " + inPart);
        }
    }

    @Test
    void everyGoldenInputEvaluatedTwiceGivesTheOraclesResultBothTimes() {
        RuleEngine engine = new RuleEngine();
        for (GoldenOutputTest.Case c : GoldenOutputTest.cases()) {
            String expected = GoldenOutputTest.render(ORACLE.evaluate(c.ruleSet(), c.input()));
            assertEquals(expected, GoldenOutputTest.render(engine.evaluate(c.ruleSet(), c.input())), c.name());
            assertEquals(expected, GoldenOutputTest.render(engine.evaluate(c.ruleSet(), c.input())), c.name() + " again");
        }
    }

    @Test
    void inputsWithTheSameKeyGetTheRecordsTheRulesGaveOneByOne() {
        RuleSet rs = Fixtures.version("2025.1");
        Recommendation first = evaluated(rs, imageIncident(15));
        Recommendation second = evaluated(rs, imageIncident(14));
        assertEquals(first.firedRules().size(), second.firedRules().size());
        for (int i = 0; i < first.firedRules().size(); i++) {
            assertSame(first.firedRules().get(i), second.firedRules().get(i));
        }
    }

    @Test
    void anAdultInvolvedChangesTheKeyAndTheRulesReadingItAreWalked() {
        RuleSet rs = Fixtures.version("2025.1");
        EvaluationContext child = context(rs, imageIncident(15));
        EvaluationContext adult = context(rs, imageIncident(19));
        PlainPart part = rs.compiled().plainPart;
        assertTrue((part.state(child) & 1) != 0, "adultInvolved is FALSE for two 15-year-olds");
        assertEquals(0, part.state(adult) & 1, "adultInvolved is not FALSE with a 19-year-old");
        evaluated(rs, imageIncident(15));
        Recommendation walked = evaluated(rs, imageIncident(19));
        assertTrue(walked.firedRules().stream().anyMatch(f -> f.explanation().contains("aged 19")),
                walked.firedRules().toString());
        evaluated(rs, imageIncident(15));
    }

    private static EvaluationContext context(RuleSet rs, TriageInput input) {
        EvaluationContext c = new EvaluationContext(input, rs.flags(), rs.facts());
        c.prerendered(rs.compiled().noParticipantHas);
        return c;
    }

    private static Recommendation evaluated(RuleSet rs, TriageInput input) {
        Recommendation r = Fixtures.ENGINE.evaluate(rs, input);
        assertEquals(ORACLE.evaluate(rs, input), r);
        return r;
    }

    private static TriageInput imageIncident(int senderAge) {
        return PlainInputsTest.imageIncident("A", senderAge, Boolean.TRUE);
    }
}
