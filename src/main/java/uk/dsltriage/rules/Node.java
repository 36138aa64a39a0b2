package uk.dsltriage.rules;

import java.util.List;
import java.util.Set;

/**
 * What a {@link Condition} and a {@link ParticipantCondition} have in common: a three-valued node evaluated for one
 * participant position {@code p} ({@link #NO_PARTICIPANT} outside {@code anyParticipant}; conditions on the whole
 * incident ignore it). The all and the any of both kinds are one {@link Junction}: their semantics is written once
 * ({@link Kleene}), an all and an any differ only in the value that decides them. Likewise the not of both kinds is
 * one {@link Negation}.
 */
sealed interface Node permits Condition, ParticipantCondition, Node.Junction, Node.Negation, Node.OneOf {

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
    sealed interface Junction extends Node permits AllOf, AnyOf {

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

    /** An all, of conditions or of participant conditions: decided by its first FALSE item. */
    sealed interface AllOf extends Junction permits Condition.All, ParticipantCondition.All {
        @Override
        default Tri decisive() {
            return Tri.FALSE;
        }
    }

    /** An any, of conditions or of participant conditions: decided by its first TRUE item. */
    sealed interface AnyOf extends Junction permits Condition.Any, ParticipantCondition.Any {
        @Override
        default Tri decisive() {
            return Tri.TRUE;
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

    /**
     * One enum-valued input (the incident's sexual-violence type or victim's wishes, a participant's role or staff
     * role) in a set of allowed values; unknown when the input is not given. Written once for both kinds: the
     * missing input of a participant's value is named with that participant's label.
     */
    sealed interface OneOf<E extends Enum<E>> extends Node permits Condition.OneOf, ParticipantCondition.OneOf {

        /** The enum-valued inputs a rule can test. */
        enum Input {
            SEXUAL_VIOLENCE_TYPE("sexualViolenceType"), VICTIM_WISHES("victimWishes"), ROLE("role"),
            STAFF_ROLE("staffRole");

            /** The input's name in the input and in explanations. */
            final String field;

            Input(String field) {
                this.field = field;
            }

            /** The value for participant p (the incident's for the first two), or null when not given. */
            Enum<?> value(EvaluationContext c, int p) {
                return switch (this) {
                    case SEXUAL_VIOLENCE_TYPE -> c.sexualViolenceType();
                    case VICTIM_WISHES -> c.victimWishes();
                    case ROLE -> c.participant(p).role();
                    case STAFF_ROLE -> c.participant(p).staffRole();
                };
            }
        }

        Input input();

        Set<E> allowed();

        @Override
        default Tri eval(EvaluationContext c, int p) {
            Enum<?> v = input().value(c, p);
            return v == null ? Tri.UNKNOWN : Tri.of(allowed().contains(v));
        }

        @Override
        default Tri unknownInputs(EvaluationContext c, int p, List<String> out) {
            Tri t = eval(c, p);
            if (t == Tri.UNKNOWN) {
                out.add(p == NO_PARTICIPANT ? input().field : c.participantField(p, input().field));
            }
            return t;
        }

        /** "field is VALUE": the same words whether the value is allowed or not. */
        @Override
        default void whyTrue(EvaluationContext c, int p, List<String> out) {
            out.add(input().field + " is " + input().value(c, p));
        }
    }
}
