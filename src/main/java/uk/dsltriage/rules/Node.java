package uk.dsltriage.rules;

import java.util.List;

/**
 * What a {@link Condition} and a {@link ParticipantCondition} have in common: a three-valued node evaluated for one
 * participant position {@code p} ({@link #NO_PARTICIPANT} outside {@code anyParticipant}; conditions on the whole
 * incident ignore it). The all/any of both kinds are {@link AllOf} and {@link AnyOf}: their semantics is written
 * once ({@link Kleene}).
 *
 * <p>AllOf and AnyOf stay two interfaces that differ only in their constants: merged into one junction with a
 * {@code decisive()} method, the default methods serve four record classes instead of two, and the JIT's inlining log
 * ({@code -XX:+PrintInlining}, typical benchmark) then shows {@code items()} and {@code decisive()} as virtual calls in
 * compiled evaluation code, where today {@code items()} is inlined as an accessor.
 */
sealed interface Node permits Condition, ParticipantCondition, Node.AllOf, Node.AnyOf {

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

    /** True when every item is: decided by the first FALSE item. */
    sealed interface AllOf extends Node permits Condition.All, ParticipantCondition.All {

        List<? extends Node> items();

        @Override
        default Tri eval(EvaluationContext c, int p) {
            return Kleene.fold(items(), Tri.FALSE, c, p, null);
        }

        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            return Kleene.fold(items(), Tri.FALSE, c, p, out);
        }

        @Override
        default void whyTrue(EvaluationContext c, int p, List<String> out) {
            Kleene.whyTrue(items(), false, c, p, out);
        }

        @Override
        default int depth() {
            return Kleene.depth(items());
        }
    }

    /** True when some item is: decided by the first TRUE item. */
    sealed interface AnyOf extends Node permits Condition.Any, ParticipantCondition.Any {

        List<? extends Node> items();

        @Override
        default Tri eval(EvaluationContext c, int p) {
            return Kleene.fold(items(), Tri.TRUE, c, p, null);
        }

        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            return Kleene.fold(items(), Tri.TRUE, c, p, out);
        }

        @Override
        default void whyTrue(EvaluationContext c, int p, List<String> out) {
            Kleene.whyTrue(items(), true, c, p, out);
        }

        @Override
        default int depth() {
            return Kleene.depth(items());
        }
    }
}
