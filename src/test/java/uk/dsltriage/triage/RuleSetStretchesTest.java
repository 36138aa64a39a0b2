package uk.dsltriage.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The re-triage job re-triages each incident under the guidance of its own date, exactly as intake picks it. */
class RuleSetStretchesTest {

    private final RuleSets ruleSets = new RuleSets();

    @Test
    void eachStretchIsTheRuleSetIntakeWouldPickForEveryMomentInIt() {
        List<RuleSets.InForce> stretches = ruleSets.inForceStretches();
        for (int i = 0; i < stretches.size(); i++) {
            RuleSets.InForce s = stretches.get(i);
            assertSame(s.ruleSet(), ruleSets.inForceAt(s.from()));
            if (s.until() != null) {
                assertSame(s.ruleSet(), ruleSets.inForceAt(s.until().minusSeconds(1)));
                assertEquals(s.until(), stretches.get(i + 1).from());
            } else {
                assertEquals(stretches.size() - 1, i, "only the newest stretch is open-ended");
            }
        }
        assertNull(stretches.get(stretches.size() - 1).until());
    }

    @Test
    void anIncidentOfMay2026KeepsThe2025GuidanceAndOneOfOctoberGetsThe2026() {
        RuleSets.InForce may = stretchAt(Instant.parse("2026-05-01T09:00:00Z"));
        RuleSets.InForce october = stretchAt(Instant.parse("2026-10-01T09:00:00Z"));
        assertEquals("2025.2", may.ruleSet().version());
        assertEquals("2026.1", october.ruleSet().version());
    }

    private RuleSets.InForce stretchAt(Instant t) {
        return ruleSets.inForceStretches().stream()
                .filter(s -> !t.isBefore(s.from()) && (s.until() == null || t.isBefore(s.until())))
                .findFirst().orElseThrow();
    }
}
