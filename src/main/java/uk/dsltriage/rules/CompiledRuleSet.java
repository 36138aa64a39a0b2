package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * What of a {@link RuleSet} can be worked out before any input is seen: outcomes as enum sets, whether each rule
 * is enabled by its flag, each fired rule's position in the result (fired rules are listed by id) and the static
 * parts of every explanation. Conditions are not copied: the {@link Condition} records are the one evaluator.
 * Immutable and thread-safe.
 */
final class CompiledRuleSet {

    final CRule[] rules;
    final CConflict[] conflicts;
    /** Fired-rule ids (rules and conflicts together). */
    final int slots;

    private CompiledRuleSet(CRule[] rules, CConflict[] conflicts, int slots) {
        this.rules = rules;
        this.conflicts = conflicts;
        this.slots = slots;
    }

    static CompiledRuleSet compile(RuleSet rs) {
        // Fired rules are listed by id (ids are distinct: RuleSetValidator): each rule's place is fixed here.
        TreeSet<String> ids = new TreeSet<>();
        rs.rules().forEach(r -> ids.add(r.id()));
        rs.conflicts().forEach(x -> ids.add(x.id()));
        List<String> order = new ArrayList<>(ids);
        CRule[] rules = rs.rules().stream()
                .map(r -> new CRule(r, slot(order, r.id()), r.enabledByFlag() == null || rs.flag(r.enabledByFlag())))
                .toArray(CRule[]::new);
        CConflict[] conflicts = rs.conflicts().stream()
                .map(x -> new CConflict(x, slot(order, x.id())))
                .toArray(CConflict[]::new);
        return new CompiledRuleSet(rules, conflicts, order.size());
    }

    private static int slot(List<String> order, String id) {
        return Collections.binarySearch(order, id);
    }

    /** A rule or conflict's explanation template with the static parts split out. */
    static final class Explanation {
        private static final String NO_REASONS = "its conditions hold";
        /** The template split around "{because}", or null when it has none. */
        private final String[] parts;
        /** For templates without {because}: the stripped template and a space (or nothing), then "Fired because ". */
        private final String prefix;

        Explanation(String template) {
            if (template != null && template.contains("{because}")) {
                parts = template.split("\\{because\\}", -1);
                prefix = null;
            } else {
                parts = null;
                prefix = (template != null && !template.isBlank() ? template.strip() + " " : "") + "Fired because ";
            }
        }

        String build(List<String> reasons, List<String> extras) {
            String because = reasons.isEmpty() ? NO_REASONS : joinDistinct(reasons);
            StringBuilder sb = new StringBuilder(128 + because.length());
            if (parts == null) {
                sb.append(prefix).append(because).append('.');
            } else {
                sb.append(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    sb.append(because).append(parts[i]);
                }
            }
            for (String extra : extras) {
                sb.append(" Also: ").append(extra).append('.');
            }
            return sb.toString();
        }
    }

    /**
     * The reasons joined by " and ", each once: rules that repeat a shared definition's part (childImageIncident
     * and its own childDepictedUnder18) name a matched fact once, in the order first given.
     */
    static String joinDistinct(List<String> reasons) {
        int n = reasons.size();
        if (n == 1) {
            return reasons.get(0);
        }
        if (n > 16) {
            return String.join(" and ", new LinkedHashSet<>(reasons));
        }
        // A few reasons, built fresh each evaluation: comparing them is cheaper than hashing them (profiled).
        StringBuilder sb = new StringBuilder(n * 40);
        for (int i = 0; i < n; i++) {
            String reason = reasons.get(i);
            if (!seenBefore(reasons, i, reason)) {
                sb.append(sb.length() == 0 ? "" : " and ").append(reason);
            }
        }
        return sb.toString();
    }

    private static boolean seenBefore(List<String> reasons, int end, String reason) {
        for (int j = 0; j < end; j++) {
            if (reasons.get(j).equals(reason)) {
                return true;
            }
        }
        return false;
    }

    /** An {@link Outcome} as enum sets, ready to be added to the result. */
    static final class COutcome {
        final EnumSet<Route> routes;
        final EnumSet<RequiredAction> required;
        final EnumSet<ForbiddenAction> forbidden;
        final Urgency urgency;
        final boolean withdraws;
        final boolean dslDecision;

        COutcome(Outcome o) {
            routes = set(o.routes(), Route.class);
            required = set(o.requiredActions(), RequiredAction.class);
            forbidden = set(o.forbiddenActions(), ForbiddenAction.class);
            urgency = o.urgency();
            withdraws = o.withdrawsInternalHandling();
            dslDecision = o.dslDecisionRequired();
        }
    }

    static final class CAlso {
        final ConditionalOutcome also;
        final COutcome outcome;
        /** explanation + " (": the extra is this, the reasons, then ")". */
        final String head;

        CAlso(ConditionalOutcome a) {
            also = a;
            outcome = new COutcome(a.outcome());
            head = a.explanation() + " (";
        }
    }

    static final class CRule {
        final Rule rule;
        final int slot;
        final boolean enabled;
        final COutcome outcome;
        final CAlso[] also;
        final Explanation explanation;

        CRule(Rule r, int slot, boolean enabled) {
            this.rule = r;
            this.slot = slot;
            this.enabled = enabled;
            this.outcome = new COutcome(r.outcome());
            this.also = r.also().stream().map(CAlso::new).toArray(CAlso[]::new);
            this.explanation = new Explanation(r.explanation());
        }
    }

    static final class CConflict {
        final ConflictRule conflict;
        final int slot;
        final EnumSet<Route> whenRoutes;
        final EnumSet<ForbiddenAction> whenForbidden;
        final EnumSet<ForbiddenAction> addForbidden;
        final EnumSet<RequiredAction> removeRequired;
        final EnumSet<Route> removeRoutes;
        final EnumSet<Route> addRoutes;
        final Explanation explanation;

        CConflict(ConflictRule x, int slot) {
            this.conflict = x;
            this.slot = slot;
            this.whenRoutes = set(x.whenRoutesAny(), Route.class);
            this.whenForbidden = set(x.whenForbiddenAny(), ForbiddenAction.class);
            this.addForbidden = set(x.addForbiddenActions(), ForbiddenAction.class);
            this.removeRequired = set(x.removeRequiredActions(), RequiredAction.class);
            this.removeRoutes = set(x.removeRoutes(), Route.class);
            this.addRoutes = set(x.addRoutes(), Route.class);
            this.explanation = new Explanation(x.explanation());
        }
    }

    private static <E extends Enum<E>> EnumSet<E> set(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }
}
