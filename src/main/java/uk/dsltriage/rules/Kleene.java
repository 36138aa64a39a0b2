package uk.dsltriage.rules;

import java.util.List;

/**
 * The three-valued all/any of Kleene logic, once, for conditions and participant conditions alike. An all is
 * decided by its first FALSE operand, an any by its first TRUE one: the two are one fold with the deciding value
 * as a parameter (no lambda on the evaluation path).
 *
 * <p>Operands are either {@code items} evaluated for participant {@code p}, or (for {@code anyParticipant},
 * {@code items} null) the one condition {@code each} evaluated for participants 0 to {@code n - 1}. With a list
 * {@code out}, the fold also collects, when its value is UNKNOWN, the inputs of its unknown operands
 * ({@link Node#unknownInputs}); without one it only evaluates.
 */
final class Kleene {

    private Kleene() {
    }

    /** all (decisive FALSE) or any (decisive TRUE) of the items for participant p; out may be null. */
    static Tri fold(List<? extends Node> items, Tri decisive, EvaluationContext c, int p, List<String> out) {
        return fold(items, null, items.size(), decisive, c, p, out);
    }

    /** "Some participant, 0 to n - 1, satisfies each"; out may be null. */
    static Tri someParticipant(Node each, int n, EvaluationContext c, List<String> out) {
        return fold(null, each, n, Tri.TRUE, c, Node.NO_PARTICIPANT, out);
    }

    private static Tri fold(List<? extends Node> items, Node each, int n, Tri decisive, EvaluationContext c, int p,
            List<String> out) {
        int mark = out == null ? 0 : out.size();
        Tri result = decisive.not();
        for (int k = 0; k < n; k++) {
            Node operand = items != null ? items.get(k) : each;
            int who = items != null ? p : k;
            Tri t = value(operand, c, who, out);
            if (t == decisive) {
                if (out != null) {
                    // Decided after all: what the unknown operands before this one added is not missing.
                    truncate(out, mark);
                }
                return decisive;
            }
            if (t == Tri.UNKNOWN) {
                result = Tri.UNKNOWN;
            }
        }
        return result;
    }

    /**
     * The operand's value (and its unknown inputs when out is given). A fact and a named definition, most of the
     * operands of every rule set, are called through their own final types: the JIT inlines those calls, where the
     * call through {@link Node} (a dozen record types at this one site) is an interface dispatch each time.
     */
    private static Tri value(Node operand, EvaluationContext c, int who, List<String> out) {
        if (operand instanceof Condition.FactIs fact) {
            return out == null ? fact.eval(c, who) : fact.unknownInputs(c, who, out);
        }
        if (operand instanceof Condition.Defined defined) {
            return out == null ? defined.eval(c, who) : defined.unknownInputs(c, who, out);
        }
        return out == null ? operand.eval(c, who) : operand.unknownInputs(c, who, out);
    }

    /** The reasons of every item (an all that is TRUE) or of the TRUE items only (an any that is TRUE). */
    static void whyTrue(List<? extends Node> items, boolean onlyTrueItems, EvaluationContext c, int p,
            List<String> out) {
        for (int k = 0, n = items.size(); k < n; k++) {
            Node item = items.get(k);
            if (!onlyTrueItems || item.eval(c, p) == Tri.TRUE) {
                item.whyTrue(c, p, out);
            }
        }
    }

    /** 1 + the deepest item. */
    static int depth(List<? extends Node> items) {
        int deepest = 0;
        for (Node item : items) {
            deepest = Math.max(deepest, item.depth());
        }
        return 1 + deepest;
    }

    private static void truncate(List<String> out, int mark) {
        for (int i = out.size() - 1; i >= mark; i--) {
            out.remove(i);
        }
    }
}
