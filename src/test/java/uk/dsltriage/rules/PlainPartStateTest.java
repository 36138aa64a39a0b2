package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;

/**
 * The part's state kept by participant shape ({@link PlainPart#shape}): for every golden input, the "no participant
 * meets" bits are what the "any participant" conditions themselves say, the first time (shapes worked out) and the
 * second (shapes found); and a shape tells apart every value a participant condition reads.
 */
class PlainPartStateTest {

    @Test
    void everyGoldenInputsStateIsWhatTheConditionsSayFirstAndSecondTime() {
        for (GoldenOutputTest.Case g : GoldenOutputTest.cases()) {
            PlainPart part = g.ruleSet() == null ? null : g.ruleSet().compiled().plainPart;
            if (part == null) {
                continue;
            }
            EvaluationContext c;
            try {
                c = new EvaluationContext(g.input(), g.ruleSet().flags(), g.ruleSet().facts());
            } catch (RuntimeException unreadable) {
                continue;
            }
            long expected = 0;
            Condition.AnyParticipant[] conditions = part.conditions();
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].eval(c, Node.NO_PARTICIPANT) == Tri.FALSE) {
                    expected |= 1L << i;
                }
            }
            assertEquals(expected, part.state(c) >>> 2, g.name());
            assertEquals(expected, part.state(c) >>> 2, g.name() + " again");
        }
    }

    @Test
    void aShapeTellsApartEveryValueAParticipantConditionReads() {
        Participant base = new Participant("P1", ParticipantRole.SENDER, 15, true, false, null, false, false, false,
                false, false, false, true);
        Set<Long> shapes = new HashSet<>();
        shapes.add(PlainPart.shape(base));
        for (ParticipantRole role : ParticipantRole.values()) {
            shapes.add(PlainPart.shape(with(base, role, base.staffRole(), base.ageYears(), -1, null)));
        }
        for (StaffRole staff : StaffRole.values()) {
            shapes.add(PlainPart.shape(with(base, base.role(), staff, base.ageYears(), -1, null)));
        }
        for (int age : new int[] {0, 1, 12, 13, 17, 18, 19, 254}) {
            shapes.add(PlainPart.shape(with(base, base.role(), base.staffRole(), age, -1, null)));
        }
        shapes.add(PlainPart.shape(with(base, base.role(), base.staffRole(), null, -1, null)));
        for (int k = 0; k < ParticipantAttribute.values().length; k++) {
            Boolean was = ParticipantAttribute.values()[k].valueOf(base);
            shapes.add(PlainPart.shape(with(base, base.role(), base.staffRole(), base.ageYears(), k, !was)));
            shapes.add(PlainPart.shape(with(base, base.role(), base.staffRole(), base.ageYears(), k, null)));
        }
        int roles = ParticipantRole.values().length - 1;
        int staff = StaffRole.values().length;
        assertEquals(1 + roles + staff + 8 + 1 + 2 * ParticipantAttribute.values().length, shapes.size());
        assertEquals(PlainPart.shape(base), PlainPart.shape(new Participant("another ref", base.role(), 15, true, false,
                null, false, false, false, false, false, false, true)), "the ref is not read by a condition");
        assertEquals(PlainPart.shape(with(base, base.role(), null, null, -1, null)),
                PlainPart.shape(with(base, base.role(), null, -3, -1, null)), "a negative age reads as unknown");
        assertEquals(-1, PlainPart.shape(with(base, base.role(), null, 255, -1, null)), "an age over 254 is not kept");
        assertNotEquals(-1, PlainPart.shape(with(base, base.role(), null, 254, -1, null)));
    }

    /** The participant with role, staff role, age and (when k >= 0) attribute k replaced. */
    private static Participant with(Participant p, ParticipantRole role, StaffRole staff, Integer age, int k,
            Boolean value) {
        Boolean[] a = new Boolean[ParticipantAttribute.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = i == k ? value : ParticipantAttribute.values()[i].valueOf(p);
        }
        return new Participant(p.ref(), role, age, a[0], a[1], staff, a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    }
}
