package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;
import java.util.List;
import java.util.Set;

/**
 * A condition on one participant, used inside anyParticipant / noParticipant. Three-valued; {@code p} of the
 * {@link Node} methods is the participant's position.
 */
public sealed interface ParticipantCondition extends Node {

    /** A static description for "no participant has ..." explanations. */
    String describe();

    record All(List<ParticipantCondition> items) implements ParticipantCondition, Node.AllOf {
        public All {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (ParticipantCondition item : items) {
                sb.append(sb.length() == 0 ? "" : " and ").append(item.describe());
            }
            return sb.toString();
        }
    }

    record Any(List<ParticipantCondition> items) implements ParticipantCondition, Node.AnyOf {
        public Any {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("(");
            for (ParticipantCondition item : items) {
                sb.append(sb.length() == 1 ? "" : " or ").append(item.describe());
            }
            return sb.append(')').toString();
        }
    }

    record Not(ParticipantCondition item) implements ParticipantCondition, Node.Negation {
        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add("not " + item.describe());
        }

        @Override
        public String describe() {
            return "not " + item.describe();
        }
    }

    /** A participant's enum-valued input in a set ({@link Node.OneOf}). */
    sealed interface OneOf<E extends Enum<E>> extends ParticipantCondition, Node.OneOf<E>
            permits RoleIn, StaffRoleIn {
        @Override
        default String describe() {
            return input().field + " in " + Condition.sorted(allowed());
        }
    }

    record RoleIn(Set<ParticipantRole> allowed) implements OneOf<ParticipantRole> {
        public RoleIn {
            allowed = Condition.enumSet(allowed, ParticipantRole.class);
        }

        @Override
        public Input input() {
            return Input.ROLE;
        }
    }

    record StaffRoleIn(Set<StaffRole> allowed) implements OneOf<StaffRole> {
        public StaffRoleIn {
            allowed = Condition.enumSet(allowed, StaffRole.class);
        }

        @Override
        public Input input() {
            return Input.STAFF_ROLE;
        }
    }

    record AgeCompare(Comparison comparison) implements ParticipantCondition {
        @Override
        public Tri eval(EvaluationContext c, int i) {
            Integer age = c.age(i);
            return age == null ? Tri.UNKNOWN : comparison.evaluate(age, age);
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int i, List<String> out) {
            Tri t = eval(c, i);
            if (t == Tri.UNKNOWN) {
                out.add(c.participantField(i, "ageYears"));
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add("ageYears is " + c.age(i) + " (" + comparison.text() + ")");
        }

        @Override
        public String describe() {
            return "ageYears " + comparison.text();
        }
    }

    /** A participant boolean compared with an expected value (null expected = "is unknown", crisp). */
    record AttributeIs(ParticipantAttribute attribute, Boolean expected) implements ParticipantCondition {
        @Override
        public Tri eval(EvaluationContext c, int i) {
            Boolean v = attribute.valueOf(c.participant(i));
            if (expected == null) {
                return Tri.of(v == null);
            }
            return v == null ? Tri.UNKNOWN : Tri.of(v.equals(expected));
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int i, List<String> out) {
            Tri t = eval(c, i);
            if (t == Tri.UNKNOWN) {
                out.add(c.participantField(i, attribute.jsonName()));
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add(describe());
        }

        @Override
        public String describe() {
            return attribute.jsonName() + " is " + (expected == null ? "unknown" : expected);
        }
    }
}
