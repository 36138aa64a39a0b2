package uk.dsltriage.rules;

import java.util.List;

/**
 * What a {@link Condition} and a {@link ParticipantCondition} have in common: a three-valued node evaluated for one
 * participant position {@code p} ({@link #NO_PARTICIPANT} outside {@code anyParticipant}; conditions on the whole
 * incident ignore it). The all and the any of both kinds are one {@link Junction}: their semantics is written once
 * ({@link Kleene}), an all and an any differ only in the value that decides them. Likewise the not of both kinds is
 * one {@link Negation}.
 */
sealed interface Node permits Condition, ParticipantCondition, Node.Junction, Node.Negation {

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

    /**
     * An all (decided by its first FALSE item) or an any (decided by its first TRUE item), of conditions or of
     * participant conditions.
     */
    sealed interface Junction extends Node
            permits Condition.All, Condition.Any, ParticipantCondition.All, ParticipantCondition.Any {

        List<? extends Node> items();

        /** The value of the item that decides the junction: FALSE for an all, TRUE for an any. */
        Tri decisive();

        @Override
        default Tri eval(EvaluationContext c, int p) {
            return Kleene.fold(items(), decisive(), c, p, null);
        }

        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            return Kleene.fold(items(), decisive(), c, p, out);
        }

        /** An all that is TRUE because of every item, an any that is TRUE because of its TRUE items. */
        @Override
        default void whyTrue(EvaluationContext c, int p, List<String> out) {
            Kleene.whyTrue(items(), decisive() == Tri.TRUE, c, p, out);
        }

        @Override
        default int depth() {
            return Kleene.depth(items());
        }
    }

    /** The not of a condition or of a participant condition: unknown stays unknown, with the same unknown inputs. */
    sealed interface Negation extends Node permits Condition.Not, ParticipantCondition.Not {

        Node item();

        @Override
        default Tri eval(EvaluationContext c, int p) {
            return item().eval(c, p).not();
        }

        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            return item().unknownInputs(c, p, out).not();
        }

        @Override
        default int depth() {
            return 1 + item().depth();
        }
    }
}
