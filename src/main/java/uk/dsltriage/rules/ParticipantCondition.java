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

    record All(List<ParticipantCondition> items) implements ParticipantCondition, Node.Junction {
        public All {
            items = List.copyOf(items);
        }

        @Override
        public Tri decisive() {
            return Tri.FALSE;
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

    record Any(List<ParticipantCondition> items) implements ParticipantCondition, Node.Junction {
        public Any {
            items = List.copyOf(items);
        }

        @Override
        public Tri decisive() {
            return Tri.TRUE;
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

    record RoleIn(Set<ParticipantRole> roles) implements ParticipantCondition {
        public RoleIn {
            roles = Condition.enumSet(roles, ParticipantRole.class);
        }

        @Override
        public Tri eval(EvaluationContext c, int i) {
            ParticipantRole role = c.participant(i).role();
            return role == null ? Tri.UNKNOWN : Tri.of(roles.contains(role));
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int i, List<String> out) {
            Tri t = eval(c, i);
            if (t == Tri.UNKNOWN) {
                out.add(c.participantField(i, "role"));
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add("role is " + c.participant(i).role());
        }

        @Override
        public String describe() {
            return "role in " + Condition.sorted(roles);
        }
    }

    record StaffRoleIn(Set<StaffRole> roles) implements ParticipantCondition {
        public StaffRoleIn {
            roles = Condition.enumSet(roles, StaffRole.class);
        }

        @Override
        public Tri eval(EvaluationContext c, int i) {
            StaffRole role = c.participant(i).staffRole();
            return role == null ? Tri.UNKNOWN : Tri.of(roles.contains(role));
        }

        @Override
        public Tri unknownInputs(EvaluationContext c, int i, List<String> out) {
            Tri t = eval(c, i);
            if (t == Tri.UNKNOWN) {
                out.add(c.participantField(i, "staffRole"));
            }
            return t;
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add("staffRole is " + c.participant(i).staffRole());
        }

        @Override
        public String describe() {
            return "staffRole in " + Condition.sorted(roles);
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
