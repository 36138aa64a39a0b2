package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.StaffRole;
import java.util.List;
import java.util.Set;

/** A condition on one participant, used inside anyParticipant / noParticipant. Three-valued. */
public sealed interface ParticipantCondition {

    Tri eval(EvaluationContext c, int i);

    void missing(EvaluationContext c, int i, Set<String> out);

    void whyTrue(EvaluationContext c, int i, List<String> out);

    /** A static description for "no participant has ..." explanations. */
    String describe();

    default int depth() {
        return 1;
    }

    record All(List<ParticipantCondition> items) implements ParticipantCondition {
        public All {
            items = List.copyOf(items);
        }

        @Override
        public Tri eval(EvaluationContext c, int i) {
            Tri result = Tri.TRUE;
            for (ParticipantCondition item : items) {
                Tri t = item.eval(c, i);
                if (t == Tri.FALSE) {
                    return Tri.FALSE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public void missing(EvaluationContext c, int i, Set<String> out) {
            for (ParticipantCondition item : items) {
                if (item.eval(c, i) == Tri.UNKNOWN) {
                    item.missing(c, i, out);
                }
            }
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            for (ParticipantCondition item : items) {
                item.whyTrue(c, i, out);
            }
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (ParticipantCondition item : items) {
                sb.append(sb.length() == 0 ? "" : " and ").append(item.describe());
            }
            return sb.toString();
        }

        @Override
        public int depth() {
            return 1 + items.stream().mapToInt(ParticipantCondition::depth).max().orElse(0);
        }
    }

    record Any(List<ParticipantCondition> items) implements ParticipantCondition {
        public Any {
            items = List.copyOf(items);
        }

        @Override
        public Tri eval(EvaluationContext c, int i) {
            Tri result = Tri.FALSE;
            for (ParticipantCondition item : items) {
                Tri t = item.eval(c, i);
                if (t == Tri.TRUE) {
                    return Tri.TRUE;
                }
                if (t == Tri.UNKNOWN) {
                    result = Tri.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        public void missing(EvaluationContext c, int i, Set<String> out) {
            for (ParticipantCondition item : items) {
                if (item.eval(c, i) == Tri.UNKNOWN) {
                    item.missing(c, i, out);
                }
            }
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            for (ParticipantCondition item : items) {
                if (item.eval(c, i) == Tri.TRUE) {
                    item.whyTrue(c, i, out);
                }
            }
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("(");
            for (ParticipantCondition item : items) {
                sb.append(sb.length() == 1 ? "" : " or ").append(item.describe());
            }
            return sb.append(')').toString();
        }

        @Override
        public int depth() {
            return 1 + items.stream().mapToInt(ParticipantCondition::depth).max().orElse(0);
        }
    }

    record Not(ParticipantCondition item) implements ParticipantCondition {
        @Override
        public Tri eval(EvaluationContext c, int i) {
            return item.eval(c, i).not();
        }

        @Override
        public void missing(EvaluationContext c, int i, Set<String> out) {
            item.missing(c, i, out);
        }

        @Override
        public void whyTrue(EvaluationContext c, int i, List<String> out) {
            out.add("not " + item.describe());
        }

        @Override
        public String describe() {
            return "not " + item.describe();
        }

        @Override
        public int depth() {
            return 1 + item.depth();
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
        public void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, "role"));
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
        public void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, "staffRole"));
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
        public void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, "ageYears"));
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
        public void missing(EvaluationContext c, int i, Set<String> out) {
            out.add(c.participantField(i, attribute.jsonName()));
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
