package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of a rule set with plain inputs ({@link PlainInputs}) taken together: what all of them that can be keyed
 * add to a result is a function of the whole input's plain values (every fact's known-true and known-false bit, the
 * incident types given, the enum inputs) and of which of the states they are keyed in hold (adultInvolved FALSE,
 * anyUnder13InImage FALSE, no participant meeting each "any participant" condition they read). Those values are one
 * key of a few words; the sum of the keyable rules' contributions is kept by it ({@link Sums}), so an input with the
 * same key gets it with one lookup instead of one per rule. Rules not keyable for the input, and rules without plain
 * inputs, are applied one by one as before. Immutable and thread-safe.
 */
final class PlainPart {

    /** At most this many distinct "any participant" conditions (state bits 2 and up); more and there is no part. */
    private static final int MAX_CONDITIONS = 60;

    /** The distinct "any participant" conditions the plain rules read, each with a state bit (2 + position). */
    private final Condition.AnyParticipant[] conditions;
    /** Whether any plain rule reads adultInvolved (state bit 0) or anyUnder13InImage (bit 1). */
    private final boolean readsAdult;
    private final boolean readsUnder13;
    private final int factWords;
    /** Sums already worked out, by key ({@link WordTable}). */
    final WordTable<Sum> sums = new WordTable<>(16);
    /** For a participant's shape ({@link #shape}): the conditions it leaves FALSE, bit i for condition i. */
    private final WordTable<Long> leftFalseByShape = new WordTable<>(16);

    /** Inputs with more participants than this are not read by shape (more shapes than the table keeps). */
    private static final int MAX_SHAPED_PARTICIPANTS = 8;
    private static final ParticipantAttribute[] ATTRIBUTES = ParticipantAttribute.values();
    /** Shape bits: role 0-5, staff role 6-11, age 12-19, each attribute two bits from 20. */
    private static final int ATTRIBUTE_SHIFT = 20;

    static {
        if (ParticipantRole.values().length >= 63 || StaffRole.values().length >= 63
                || ATTRIBUTE_SHIFT + 2 * ATTRIBUTES.length > 63) {
            throw new IllegalStateException("a participant's shape no longer fits one word");
        }
    }

    private PlainPart(List<Condition.AnyParticipant> conditions, boolean readsAdult, boolean readsUnder13,
            int factWords) {
        this.conditions = conditions.toArray(new Condition.AnyParticipant[0]);
        this.readsAdult = readsAdult;
        this.readsUnder13 = readsUnder13;
        this.factWords = factWords;
    }

    /** The part of these rules' plain inputs, or null when none has any (or they read too many conditions). */
    static PlainPart of(List<PlainInputs> plain, int factWords) {
        List<Condition.AnyParticipant> conditions = new ArrayList<>();
        int derived = 0;
        boolean any = false;
        for (PlainInputs in : plain) {
            if (in == null) {
                continue;
            }
            any = true;
            derived |= in.derivedRead();
            for (Condition.AnyParticipant p : in.anyParticipantRead()) {
                if (!conditions.contains(p)) {
                    conditions.add(p);
                }
            }
        }
        if (!any || conditions.size() > MAX_CONDITIONS) {
            return null;
        }
        return new PlainPart(conditions, (derived & 1 << DerivedFacts.ADULT) != 0,
                (derived & 1 << DerivedFacts.UNDER13) != 0, factWords);
    }

    /**
     * The state bits a rule's plain inputs need to hold for it to be keyed, exactly as {@link PlainInputs#fill}
     * decides: its derived facts FALSE, no participant meeting its conditions.
     */
    long needs(PlainInputs in) {
        long need = 0;
        for (int which = 0; which < 2; which++) {
            if ((in.derivedRead() & 1 << which) != 0) {
                need |= 1L << which;
            }
        }
        for (Condition.AnyParticipant p : in.anyParticipantRead()) {
            need |= 1L << (2 + Arrays.asList(conditions).indexOf(p));
        }
        return need;
    }

    /** Words in a key. */
    int length() {
        return 2 * factWords + 3;
    }

    /** Which states hold for this input: bit 0 adultInvolved FALSE, 1 anyUnder13InImage FALSE, 2+ no participant has. */
    long state(EvaluationContext c) {
        long state = 0;
        if (readsAdult && c.derived().tri(DerivedFacts.ADULT) == Tri.FALSE) {
            state |= 1;
        }
        if (readsUnder13 && c.derived().tri(DerivedFacts.UNDER13) == Tri.FALSE) {
            state |= 2;
        }
        if (c.participantCount() > MAX_SHAPED_PARTICIPANTS) {
            // A crowd has more shapes than the table keeps: each condition over the participants, as it reads.
            for (int i = 0; i < conditions.length; i++) {
                if (conditions[i].eval(c, Node.NO_PARTICIPANT) == Tri.FALSE) {
                    state |= 1L << (2 + i);
                }
            }
        } else if (conditions.length > 0) {
            state |= noParticipantMeets(c) << 2;
        }
        return state;
    }

    /**
     * Bit i set when every participant leaves condition i FALSE, which is when "any participant (condition i)" is
     * FALSE (with no participants it is UNKNOWN: no bit). A participant condition reads only its participant's role,
     * staff role, age and attributes, so what a participant leaves FALSE is kept by those ({@link #shape}).
     */
    private long noParticipantMeets(EvaluationContext c) {
        int n = c.participantCount();
        if (n == 0) {
            return 0;
        }
        long none = -1L >>> (64 - conditions.length);
        for (int i = 0; i < n && none != 0; i++) {
            none &= leftFalse(c, i);
        }
        return none;
    }

    private long leftFalse(EvaluationContext c, int i) {
        long shape = shape(c.participant(i));
        if (shape >= 0) {
            Long kept = leftFalseByShape.find(shape);
            if (kept != null) {
                return kept;
            }
        }
        long leftFalse = 0;
        for (int k = 0; k < conditions.length; k++) {
            if (conditions[k].condition().eval(c, i) == Tri.FALSE) {
                leftFalse |= 1L << k;
            }
        }
        if (shape >= 0) {
            leftFalseByShape.keep(shape, leftFalse);
        }
        return leftFalse;
    }

    /**
     * Everything of a participant a participant condition reads, as one word: role and staff role (ordinal + 1, 0 for
     * none), age as {@link EvaluationContext#age} reads it (+ 1, 0 for unknown or negative), each attribute's
     * value (1 true, 2 false, 0 unknown); -1 for an age over 254 (not kept).
     */
    static long shape(Participant p) {
        Integer age = p.ageYears();
        long ageBits = age == null || age < 0 ? 0 : age + 1L;
        if (ageBits > 255) {
            return -1;
        }
        long shape = (p.role() == null ? 0 : p.role().ordinal() + 1)
                | (long) (p.staffRole() == null ? 0 : p.staffRole().ordinal() + 1) << 6
                | ageBits << 12;
        for (int k = 0; k < ATTRIBUTES.length; k++) {
            Boolean v = ATTRIBUTES[k].valueOf(p);
            shape |= (long) (v == null ? 0 : v ? 1 : 2) << (ATTRIBUTE_SHIFT + 2 * k);
        }
        return shape;
    }

    /** The "any participant" conditions the state reads, in state-bit order (bit 2 + i). */
    Condition.AnyParticipant[] conditions() {
        return conditions.clone();
    }

    /** The whole input's plain values and the state, as {@link #length} words from 0. */
    void fill(EvaluationContext c, long state, long[] key) {
        for (int w = 0; w < factWords; w++) {
            key[w] = c.factTrueWord(w);
            key[factWords + w] = c.factFalseWord(w);
        }
        long types = c.incidentTypeBits();
        key[2 * factWords] = types;
        key[2 * factWords + 1] = (types != 0 ? 1L << 32 : 0) | c.plainEnumKey();
        key[2 * factWords + 2] = state;
    }

    /** What the keyable plain rules added to one result, together. Immutable. */
    static final class Sum {
        /** Null when none of them fired. */
        final CompiledRuleSet.COutcome outcome;
        /** Their fired records, with each one's fired-rule slot at the same position. */
        final FiredRule[] fired;
        final int[] slots;
        final String[] missing;

        Sum(CompiledRuleSet.COutcome outcome, FiredRule[] fired, int[] slots, String[] missing) {
            this.outcome = outcome;
            this.fired = fired;
            this.slots = slots;
            this.missing = missing;
        }
    }

    /** Adds up the contributions of the keyable plain rules of one evaluation, in rule order. */
    static final class SumBuilder {
        private CompiledRuleSet.COutcome outcome;
        private final List<FiredRule> fired = new ArrayList<>();
        private final List<Integer> slots = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        void add(int slot, CompiledRuleSet.Contribution contribution) {
            if (contribution.outcome != null) {
                outcome = outcome == null ? contribution.outcome : outcome.plus(contribution.outcome);
            }
            if (contribution.fired != null) {
                fired.add(contribution.fired);
                slots.add(slot);
            }
            missing.addAll(Arrays.asList(contribution.missing));
        }

        Sum build() {
            return new Sum(outcome, fired.toArray(new FiredRule[0]), slots.stream().mapToInt(Integer::intValue).toArray(),
                    missing.toArray(new String[0]));
        }
    }
}
