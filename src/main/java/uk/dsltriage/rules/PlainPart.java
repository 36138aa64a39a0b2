package uk.dsltriage.rules;

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
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].eval(c, Node.NO_PARTICIPANT) == Tri.FALSE) {
                state |= 1L << (2 + i);
            }
        }
        return state;
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
