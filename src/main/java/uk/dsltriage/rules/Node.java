package uk.dsltriage.rules;

import java.util.List;

/**
 * What a {@link Condition} and a {@link ParticipantCondition} have in common: a three-valued node evaluated for one
 * participant position {@code p} ({@link #NO_PARTICIPANT} outside {@code anyParticipant}; conditions on the whole
 * incident ignore it). It lets {@link Kleene} hold the all/any semantics once for both kinds.
 */
sealed interface Node permits Condition, ParticipantCondition {

    int NO_PARTICIPANT = -1;

    Tri eval(EvaluationContext c, int p);

    /**
     * Evaluates, and when the value is UNKNOWN adds the inputs that make it unknown (nothing otherwise): one pass,
     * so an all/any never evaluates a child twice to find its missing facts.
     */
    Tri unknownInputs(EvaluationContext c, int p, List<String> out);

    /** Adds plain-English reasons why this node is true; call only when it is TRUE. */
    void whyTrue(EvaluationContext c, int p, List<String> out);

    /** Nesting depth, 1 for a leaf. */
    default int depth() {
        return 1;
    }
}
