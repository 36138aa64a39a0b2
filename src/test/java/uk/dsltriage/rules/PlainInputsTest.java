package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * A rule's contribution kept by the values of its plain inputs ({@link PlainInputs},
 * {@link CompiledRuleSet.Contributions}): inputs with the same values share it, any other value gets its own, the
 * states whose reasons name participants are walked, and every result is the oracle's.
 */
class PlainInputsTest {

    private static final ReferenceEngine ORACLE = new ReferenceEngine();

    @Test
    void mostRulesOfEveryShippedRuleSetHavePlainInputsButNotThoseReadingNumbersOrPowerImbalance() {
        for (RuleSet rs : Fixtures.ALL) {
            int plain = 0;
            for (Rule rule : rs.rules()) {
                PlainInputs in = PlainInputs.of(rule, rs.facts());
                String text = rule.condition() + " " + rule.also();
                if (text.contains("NumberCompare") || text.contains("name=powerImbalance")) {
                    assertNull(in, rs.version() + " " + rule.id());
                }
                plain += in == null ? 0 : 1;
            }
            assertTrue(plain > rs.rules().size() / 2, rs.version() + ": " + plain + " of " + rs.rules().size());
        }
    }

    @Test
    void inputsWithTheSamePlainValuesShareOneContribution() {
        RuleSet rs = Fixtures.version("2025.1");
        Recommendation first = evaluated(rs, imageIncident("A", 15, Boolean.TRUE));
        Recommendation second = evaluated(rs, imageIncident("Zed", 14, Boolean.TRUE));
        assertSame(fired(first, "R10"), fired(second, "R10"));
        assertSame(fired(first, "R17"), fired(second, "R17"));
    }

    @Test
    void anotherPlainValueGetsItsOwnContribution() {
        RuleSet rs = Fixtures.version("2025.1");
        Recommendation known = evaluated(rs, imageIncident("A", 15, Boolean.TRUE));
        Recommendation unknown = evaluated(rs, imageIncident("A", 15, null));
        assertNotEquals(known, unknown);
        assertEquals(known, evaluated(rs, imageIncident("A", 15, Boolean.TRUE)));
    }

    @Test
    void anAdultInvolvedIsWalkedAndNamed() {
        RuleSet rs = Fixtures.version("2025.1");
        evaluated(rs, imageIncident("A", 15, Boolean.TRUE));
        Recommendation adult = evaluated(rs, imageIncident("A", 19, Boolean.TRUE));
        assertTrue(adult.firedRules().stream().anyMatch(f -> f.explanation().contains("participant A (SENDER, aged 19)")),
                adult.firedRules().toString());
        Recommendation other = evaluated(rs, imageIncident("B", 20, Boolean.TRUE));
        assertTrue(other.firedRules().stream().anyMatch(f -> f.explanation().contains("participant B (SENDER, aged 20)")),
                other.firedRules().toString());
    }

    @Test
    void manyKeysThroughEightSlotsEachFindOnlyTheirOwn() {
        CompiledRuleSet.Contributions memo = new CompiledRuleSet.Contributions();
        CompiledRuleSet.Contribution[] made = new CompiledRuleSet.Contribution[10 * CompiledRuleSet.Contributions.SIZE];
        for (int i = 0; i < made.length; i++) {
            long[] key = {i, 7, 0, 1};
            assertNull(memo.find(key, 3), "nothing kept yet for " + i);
            made[i] = new CompiledRuleSet.Contribution(null, null, new String[] {"f" + i});
            memo.keep(key, 3, made[i]);
            assertSame(made[i], memo.find(key, 3));
        }
        for (int i = 0; i < made.length; i++) {
            CompiledRuleSet.Contribution found = memo.find(new long[] {i, 7, 0, 99}, 3);
            assertTrue(found == null || found == made[i], "key " + i + " found another's contribution");
        }
        assertNotNull(memo.find(new long[] {made.length - 1, 7, 0}, 3));
    }

    private static Recommendation evaluated(RuleSet rs, TriageInput input) {
        Recommendation r = Fixtures.ENGINE.evaluate(rs, input);
        assertEquals(ORACLE.evaluate(rs, input), r);
        return r;
    }

    private static FiredRule fired(Recommendation r, String id) {
        return r.firedRules().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not fire: " + r.firedRules()));
    }

    /** A TC01-like image incident, every fact answered: a depicted pupil sender and recipient B (15, not depicted). */
    static TriageInput imageIncident(String sender, int senderAge, Boolean depictedUnder18) {
        Map<String, Boolean> facts = new HashMap<>();
        KnownFacts.BOOLEAN_FACTS.forEach(f -> facts.put(f, false));
        facts.put("imagesInvolved", true);
        facts.put("childDepictedUnder18", depictedUnder18);
        return new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), List.of(IncidentType.NUDE_IMAGE_SHARING),
                SexualViolenceType.NONE, VictimWishes.UNKNOWN,
                List.of(pupil(sender, ParticipantRole.SENDER, senderAge, true),
                        pupil("B", ParticipantRole.RECIPIENT, 15, false)),
                facts, 0, new Reporter(false, true), new DslAttestation(true, true, true));
    }

    private static Participant pupil(String ref, ParticipantRole role, int age, boolean depicted) {
        return new Participant(ref, role, age, true, false, null, false, false, false, false, false, false, depicted);
    }
}
