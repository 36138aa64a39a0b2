package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The memo of written explanations ({@link CompiledRuleSet.FiredRules}) gives exactly what writing them gives: the
 * same reasons get the same record back, other reasons (even with the same hash code) their own text, and
 * evaluations on many threads at once, sharing the memo, give what one thread gives.
 */
class FiredRulesMemoTest {

    private static final String TEMPLATE = "Something happened. {because}!";

    @Test
    void theSameReasonsGetTheSameRecordBack() {
        CompiledRuleSet.FiredRules memo = new CompiledRuleSet.FiredRules("R1", "t", List.of(), TEMPLATE);
        CompiledRuleSet.Writer w = new CompiledRuleSet.Writer();
        FiredRule first = memo.fired(List.of("a is true", "b is false"), List.of(), w);
        FiredRule again = memo.fired(new ArrayList<>(List.of(new String("a is true"), "b is false")), List.of(), w);
        assertSame(first, again);
        assertEquals("Something happened. a is true and b is false!", again.explanation());
    }

    @Test
    void reasonsWithTheSameHashCodeKeepTheirOwnText() {
        // "Aa" and "BB" have the same String hash code, so both lists hash alike and share a slot.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        CompiledRuleSet.FiredRules memo = new CompiledRuleSet.FiredRules("R1", "t", List.of(), TEMPLATE);
        CompiledRuleSet.Writer w = new CompiledRuleSet.Writer();
        for (int round = 0; round < 3; round++) {
            assertEquals("Something happened. Aa!", memo.fired(List.of("Aa"), List.of(), w).explanation());
            assertEquals("Something happened. BB!", memo.fired(List.of("BB"), List.of(), w).explanation());
            assertEquals("Something happened. Aa! Also: x.",
                    memo.fired(List.of("Aa"), List.of("x"), w).explanation());
        }
    }

    @Test
    void manyDifferentReasonsEachGetTheirOwnText() {
        CompiledRuleSet.FiredRules memo = new CompiledRuleSet.FiredRules("R1", "t", List.of(), TEMPLATE);
        CompiledRuleSet.Writer w = new CompiledRuleSet.Writer();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 10 * CompiledRuleSet.FiredRules.SIZE; i++) {
                assertEquals("Something happened. age is " + i + " and a is true!",
                        memo.fired(List.of("age is " + i, "a is true"), List.of(), w).explanation());
            }
        }
    }

    @Test
    void evaluationsOnManyThreadsGiveWhatOneThreadGives() throws Exception {
        List<GoldenOutputTest.Case> cases = GoldenOutputTest.cases();
        List<String> expected = new ArrayList<>();
        RuleEngine engine = new RuleEngine();
        for (GoldenOutputTest.Case c : cases) {
            expected.add(GoldenOutputTest.render(new ReferenceEngine().evaluate(c.ruleSet(), c.input())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 97;
                runs.add(pool.submit(() -> {
                    for (int k = 0; k < cases.size(); k++) {
                        int i = (k + offset) % cases.size();
                        GoldenOutputTest.Case c = cases.get(i);
                        assertEquals(expected.get(i), GoldenOutputTest.render(engine.evaluate(c.ruleSet(), c.input())),
                                c.name());
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
