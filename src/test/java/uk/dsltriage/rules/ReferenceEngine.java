package uk.dsltriage.rules;

import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toCollection;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

/**
 * Test oracle for {@link RuleEngine}, written apart from it and as plainly as possible, for
 * {@link CompiledEngineMatchesReferenceTest} to compare every field with.
 *
 * <p>A condition's value and the inputs that leave it unknown are interpreted here, recursively over the condition
 * records' data, by Kleene's tables applied to every operand (no short cuts, no memo, no guards): {@link #value} and
 * {@link #unknownInputs}. The result is worked out in stages over immutable values: first each rule's firing (its
 * outcomes, fired record and missing facts), then the union of the firings, then the conflict rules one after the
 * other, each seeing what the ones before it left. Only the plain-English text of a reason is taken from the
 * condition records ({@link Condition#whyTrue}, the one place each text is written); which reasons are asked for,
 * their order, each once, and how an explanation is put together are the oracle's own.
 */
final class ReferenceEngine {

    /** What one rule contributes: outcomes, its fired record (null when it did not fire), facts it asks for. */
    private record Firing(List<Outcome> outcomes, FiredRule fired, Set<String> missing, EvaluationError error) {
        static Firing none() {
            return new Firing(List.of(), null, Set.of(), null);
        }

        static Firing asking(Set<String> missing) {
            return new Firing(List.of(), null, missing, null);
        }

        static Firing failed(String id) {
            return new Firing(List.of(), null, Set.of(),
                    new EvaluationError(EvaluationError.Code.RULE_FAILED, id + ": evaluation failed"));
        }
    }

    /** The routes and actions as the conflict rules see and change them. */
    private record Actions(Set<Route> routes, Set<RequiredAction> required, Set<ForbiddenAction> forbidden) {
    }

    Recommendation evaluate(RuleSet ruleSet, TriageInput input) {
        if (ruleSet == null) {
            return closed(null, EvaluationError.Code.NO_RULE_SET, "no rule set given");
        }
        try {
            return recommend(ruleSet, input);
        } catch (Throwable t) {
            return closed(ruleSet, EvaluationError.Code.EVALUATION_FAILED, "evaluation failed");
        }
    }

    private Recommendation recommend(RuleSet rs, TriageInput input) {
        List<EvaluationError> errors = new ArrayList<>();
        EvaluationContext c = readable(input, rs).orElseGet(() -> {
            errors.add(new EvaluationError(EvaluationError.Code.INPUT_UNREADABLE, "input could not be read"));
            return new EvaluationContext(null, rs.flags(), rs.facts());
        });
        List<Firing> firings = rs.rules().stream()
                .filter(r -> r.enabledByFlag() == null || rs.flag(r.enabledByFlag()))
                .map(r -> guarded(r.id(), () -> fire(r, c)))
                .toList();
        List<Outcome> outcomes = firings.stream().flatMap(f -> f.outcomes().stream()).toList();
        Actions actions = new Actions(
                union(outcomes.stream().map(Outcome::routes), Route.class),
                union(outcomes.stream().map(Outcome::requiredActions), RequiredAction.class),
                union(outcomes.stream().map(Outcome::forbiddenActions), ForbiddenAction.class));
        List<Firing> all = new ArrayList<>(firings);
        for (ConflictRule x : rs.conflicts()) {
            Actions before = actions;
            Firing f = guarded(x.id(), () -> resolve(x, before, c));
            all.add(f);
            if (f.fired() != null) {
                actions = applied(x, actions);
            }
        }
        all.stream().map(Firing::error).filter(Objects::nonNull).forEach(errors::add);
        TreeSet<String> missing = all.stream().flatMap(f -> f.missing().stream()).collect(toCollection(TreeSet::new));
        boolean failed = !errors.isEmpty();

        Set<Route> routes = EnumSet.noneOf(Route.class);
        routes.addAll(actions.routes());
        if (failed || !missing.isEmpty() || outcomes.stream().anyMatch(Outcome::withdrawsInternalHandling)) {
            routes.remove(Route.MANAGE_INTERNALLY_ELIGIBLE);
        }
        routes.add(Route.DSL_REVIEW);
        Set<ForbiddenAction> forbidden = EnumSet.noneOf(ForbiddenAction.class);
        forbidden.addAll(actions.forbidden());
        Stream<Urgency> urgencies = outcomes.stream().map(Outcome::urgency);
        if (failed) {
            forbidden.add(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL);
            urgencies = Stream.concat(urgencies, Stream.of(Urgency.SAME_DAY));
        }
        Urgency urgency = urgencies.filter(Objects::nonNull).reduce(Urgency::highest).orElse(Urgency.REVIEW);
        boolean decision = failed || !missing.isEmpty() || routes.contains(Route.MANAGE_INTERNALLY_ELIGIBLE)
                || outcomes.stream().anyMatch(Outcome::dslDecisionRequired);
        List<FiredRule> fired = all.stream().map(Firing::fired).filter(Objects::nonNull)
                .sorted(Comparator.comparing(FiredRule::id)).toList();
        return new Recommendation(rs.ruleSetId(), rs.version(), rs.sha256(), sorted(routes), urgency,
                sorted(actions.required()), sorted(forbidden), decision, List.copyOf(missing), fired,
                c.derived().asMap(), List.copyOf(errors));
    }

    private static Optional<EvaluationContext> readable(TriageInput input, RuleSet rs) {
        try {
            return Optional.of(new EvaluationContext(input, rs.flags(), rs.facts()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private interface Step {
        Firing run();
    }

    private static Firing guarded(String id, Step step) {
        try {
            return step.run();
        } catch (RuntimeException | StackOverflowError e) {
            return Firing.failed(id);
        }
    }

    private static Firing fire(Rule rule, EvaluationContext c) {
        Tri t = value(rule.condition(), c, Node.NO_PARTICIPANT);
        if (t == Tri.UNKNOWN && rule.onUnknown() == UnknownPolicy.ASK) {
            return Firing.asking(unknownOf(rule.condition(), c));
        }
        if (t == Tri.FALSE || (t == Tri.UNKNOWN && rule.onUnknown() != UnknownPolicy.FIRE)) {
            return Firing.none();
        }
        List<String> reasons = t == Tri.TRUE ? reasonsTrue(rule.condition(), c)
                : List.of(String.join(", ", unknownOf(rule.condition(), c)) + " not known (fired as a precaution)");
        List<Outcome> outcomes = new ArrayList<>(List.of(rule.outcome()));
        List<String> extras = new ArrayList<>();
        Set<String> asked = new TreeSet<>();
        for (ConditionalOutcome also : rule.also()) {
            Tri when = value(also.when(), c, Node.NO_PARTICIPANT);
            if (when == Tri.TRUE) {
                outcomes.add(also.outcome());
                extras.add(also.explanation() + " (" + distinct(reasonsTrue(also.when(), c)) + ")");
            } else if (when == Tri.UNKNOWN && also.onUnknown() == UnknownPolicy.FIRE) {
                outcomes.add(also.outcome());
                extras.add(also.explanation() + " (" + String.join(", ", unknownOf(also.when(), c))
                        + " not known (precaution))");
            } else if (when == Tri.UNKNOWN && also.onUnknown() == UnknownPolicy.ASK) {
                asked.addAll(unknownOf(also.when(), c));
            }
        }
        FiredRule fired = new FiredRule(rule.id(), rule.title(), explanation(rule.explanation(), reasons, extras),
                rule.citations());
        return new Firing(outcomes, fired, asked, null);
    }

    private static Firing resolve(ConflictRule x, Actions actions, EvaluationContext c) {
        boolean routeMet = x.whenRoutesAny().isEmpty() || !Collections.disjoint(x.whenRoutesAny(), actions.routes());
        boolean forbiddenMet = x.whenForbiddenAny().isEmpty()
                || !Collections.disjoint(x.whenForbiddenAny(), actions.forbidden());
        if (!routeMet || !forbiddenMet) {
            return Firing.none();
        }
        List<String> reasons = new ArrayList<>();
        Set<String> asked = Set.of();
        if (x.condition() != null) {
            Tri t = value(x.condition(), c, Node.NO_PARTICIPANT);
            if (t == Tri.UNKNOWN && x.onUnknown() == UnknownPolicy.ASK) {
                asked = unknownOf(x.condition(), c);
            }
            if (t == Tri.FALSE || (t == Tri.UNKNOWN && x.onUnknown() != UnknownPolicy.FIRE)) {
                return Firing.asking(asked);
            }
            reasons.addAll(t == Tri.TRUE ? reasonsTrue(x.condition(), c)
                    : List.of("facts not known (applied as a precaution)"));
        }
        x.whenRoutesAny().stream().filter(actions.routes()::contains)
                .forEach(r -> reasons.add("route " + r + " is recommended"));
        x.whenForbiddenAny().stream().filter(actions.forbidden()::contains)
                .forEach(f -> reasons.add(f + " is forbidden"));
        FiredRule fired = new FiredRule(x.id(), x.title(), explanation(x.explanation(), reasons, List.of()),
                x.citations());
        return new Firing(List.of(), fired, asked, null);
    }

    private static Actions applied(ConflictRule x, Actions a) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        a.routes().stream().filter(r -> !x.removeRoutes().contains(r)).forEach(routes::add);
        routes.addAll(x.addRoutes());
        Set<RequiredAction> required = EnumSet.noneOf(RequiredAction.class);
        a.required().stream().filter(r -> !x.removeRequiredActions().contains(r)).forEach(required::add);
        Set<ForbiddenAction> forbidden = EnumSet.noneOf(ForbiddenAction.class);
        forbidden.addAll(a.forbidden());
        forbidden.addAll(x.addForbiddenActions());
        return new Actions(routes, required, forbidden);
    }

    private static String explanation(String template, List<String> reasons, List<String> extras) {
        String because = reasons.isEmpty() ? "its conditions hold" : distinct(reasons);
        String text = template != null && template.contains("{because}") ? template.replace("{because}", because)
                : (template == null || template.isBlank() ? "" : template.strip() + " ") + "Fired because " + because
                        + ".";
        return text + extras.stream().map(e -> " Also: " + e + ".").collect(joining());
    }

    /** The reasons joined by " and ", each once, in the order first given. */
    private static String distinct(List<String> reasons) {
        return String.join(" and ", new LinkedHashSet<>(reasons));
    }

    private static List<String> reasonsTrue(Condition condition, EvaluationContext c) {
        List<String> out = new ArrayList<>();
        condition.whyTrue(c, out);
        return out;
    }

    private static Set<String> unknownOf(Condition condition, EvaluationContext c) {
        Set<String> out = new TreeSet<>();
        unknownInputs(condition, c, Node.NO_PARTICIPANT, out);
        return out;
    }

    private static <E extends Enum<E>> Set<E> union(Stream<? extends Collection<E>> sets, Class<E> type) {
        Set<E> all = EnumSet.noneOf(type);
        sets.forEach(all::addAll);
        return all;
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.stream().sorted().toList();
    }

    private static Recommendation closed(RuleSet rs, EvaluationError.Code code, String message) {
        return new Recommendation(rs == null ? null : rs.ruleSetId(), rs == null ? null : rs.version(),
                rs == null ? null : rs.sha256(), List.of(Route.DSL_REVIEW), Urgency.SAME_DAY,
                List.of(RequiredAction.RECORD_CONCERN_DECISIONS_RATIONALE),
                List.of(ForbiddenAction.AUTO_CLOSE_WITHOUT_DSL), true, List.of(), List.of(), Map.of(),
                List.of(new EvaluationError(code, message)));
    }

    // ---- the conditions' three-valued semantics, by Kleene's tables over every operand ----

    private static Tri every(List<? extends Node> items, EvaluationContext c, int p, BinaryOperator<Tri> op,
            Tri unit) {
        return items.stream().map(item -> value(item, c, p)).reduce(unit, op);
    }

    private static Tri some(Node each, EvaluationContext c) {
        Tri any = Tri.FALSE;
        for (int i = 0; i < c.participantCount(); i++) {
            any = any.or(value(each, c, i));
        }
        return any;
    }

    static Tri value(Node node, EvaluationContext c, int p) {
        if (node instanceof Condition.All all) {
            return every(all.items(), c, p, Tri::and, Tri.TRUE);
        } else if (node instanceof ParticipantCondition.All all) {
            return every(all.items(), c, p, Tri::and, Tri.TRUE);
        } else if (node instanceof Condition.Any any) {
            return every(any.items(), c, p, Tri::or, Tri.FALSE);
        } else if (node instanceof ParticipantCondition.Any any) {
            return every(any.items(), c, p, Tri::or, Tri.FALSE);
        } else if (node instanceof Condition.Not not) {
            return value(not.item(), c, p).not();
        } else if (node instanceof ParticipantCondition.Not not) {
            return value(not.item(), c, p).not();
        } else if (node instanceof Condition.Definitely d) {
            return Tri.of(value(d.item(), c, p) == Tri.TRUE);
        } else if (node instanceof Condition.Possibly d) {
            return Tri.of(value(d.item(), c, p) != Tri.FALSE);
        } else if (node instanceof Condition.Defined d) {
            return value(d.condition(), c, p);
        } else if (node instanceof Condition.Always) {
            return Tri.TRUE;
        } else if (node instanceof Condition.FactIs f) {
            Boolean v = c.fact(f.fact());
            return v == null ? Tri.UNKNOWN : Tri.of(v == f.expected());
        } else if (node instanceof Condition.FactUnknown f) {
            return Tri.of(c.fact(f.fact()) == null);
        } else if (node instanceof Condition.FactNotFalse f) {
            return Tri.of(!Boolean.FALSE.equals(c.fact(f.fact())));
        } else if (node instanceof Condition.DerivedIs d) {
            Tri t = c.derived().tri(d.name());
            return d.expected() ? t : t.not();
        } else if (node instanceof Condition.IncidentTypeIn in) {
            return c.incidentTypes().isEmpty() ? Tri.UNKNOWN
                    : Tri.of(c.incidentTypes().stream().anyMatch(in.types()::contains));
        } else if (node instanceof Condition.SexualViolenceTypeIn in) {
            return among(c.sexualViolenceType(), in.allowed());
        } else if (node instanceof Condition.VictimWishesIn in) {
            return among(c.victimWishes(), in.allowed());
        } else if (node instanceof Condition.NumberCompare n) {
            boolean gap = "ageGap".equals(n.name());
            Integer days = c.unexplainedAbsenceDays();
            long lo = gap ? c.derived().ageGapLo() : days == null ? 0 : days;
            long hi = gap ? c.derived().ageGapHi() : days == null ? DerivedFacts.NO_UPPER_BOUND : days;
            return n.comparison().evaluate(lo, hi);
        } else if (node instanceof Condition.AnyParticipant any) {
            return c.participantCount() == 0 ? Tri.UNKNOWN : some(any.condition(), c);
        } else if (node instanceof Condition.ReporterIs r) {
            Reporter reporter = c.reporter();
            Boolean v = reporter == null ? null : r.attribute().equals("isDsl") ? reporter.isDsl()
                    : reporter.isTeacher();
            return v == null ? Tri.UNKNOWN : Tri.of(v == r.expected());
        } else if (node instanceof Condition.AttestationComplete) {
            return Tri.of(c.attestation() != null && c.attestation().allConfirmed());
        } else if (node instanceof Condition.FlagEnabled f) {
            return Tri.of(c.flag(f.flag()));
        } else if (node instanceof ParticipantCondition.RoleIn in) {
            return among(c.participant(p).role(), in.allowed());
        } else if (node instanceof ParticipantCondition.StaffRoleIn in) {
            return among(c.participant(p).staffRole(), in.allowed());
        } else if (node instanceof ParticipantCondition.AgeCompare a) {
            Integer age = c.age(p);
            return age == null ? Tri.UNKNOWN : a.comparison().evaluate(age, age);
        } else if (node instanceof ParticipantCondition.AttributeIs a) {
            Boolean v = a.attribute().valueOf(c.participant(p));
            return a.expected() == null ? Tri.of(v == null) : v == null ? Tri.UNKNOWN : Tri.of(v.equals(a.expected()));
        }
        throw new IllegalArgumentException("not a condition the oracle knows: " + node.getClass().getSimpleName());
    }

    private static <E> Tri among(E v, Set<E> allowed) {
        return v == null ? Tri.UNKNOWN : Tri.of(allowed.contains(v));
    }

    /**
     * Adds what leaves an UNKNOWN node unknown: the inputs of every unknown operand (an all or any that is unknown
     * has no deciding operand). Crisp nodes are never unknown and add nothing.
     */
    static void unknownInputs(Node node, EvaluationContext c, int p, Collection<String> out) {
        if (value(node, c, p) != Tri.UNKNOWN) {
            return;
        }
        if (node instanceof Condition.All all) {
            all.items().forEach(item -> unknownInputs(item, c, p, out));
        } else if (node instanceof ParticipantCondition.All all) {
            all.items().forEach(item -> unknownInputs(item, c, p, out));
        } else if (node instanceof Condition.Any any) {
            any.items().forEach(item -> unknownInputs(item, c, p, out));
        } else if (node instanceof ParticipantCondition.Any any) {
            any.items().forEach(item -> unknownInputs(item, c, p, out));
        } else if (node instanceof Condition.Not not) {
            unknownInputs(not.item(), c, p, out);
        } else if (node instanceof ParticipantCondition.Not not) {
            unknownInputs(not.item(), c, p, out);
        } else if (node instanceof Condition.Defined d) {
            unknownInputs(d.condition(), c, p, out);
        } else if (node instanceof Condition.FactIs f) {
            out.add(f.fact());
        } else if (node instanceof Condition.DerivedIs d) {
            out.addAll(c.derived().missing(d.name()));
        } else if (node instanceof Condition.IncidentTypeIn) {
            out.add("incidentTypes");
        } else if (node instanceof Condition.SexualViolenceTypeIn) {
            out.add("sexualViolenceType");
        } else if (node instanceof Condition.VictimWishesIn) {
            out.add("victimWishes");
        } else if (node instanceof Condition.NumberCompare n) {
            if ("ageGap".equals(n.name())) {
                out.addAll(c.derived().missing("ageGap"));
            } else {
                out.add(n.name());
            }
        } else if (node instanceof Condition.AnyParticipant any) {
            if (c.participantCount() == 0) {
                out.add("participants");
            }
            for (int i = 0; i < c.participantCount(); i++) {
                unknownInputs(any.condition(), c, i, out);
            }
        } else if (node instanceof Condition.ReporterIs r) {
            out.add("reporter." + r.attribute());
        } else if (node instanceof ParticipantCondition.RoleIn) {
            out.add(c.participantField(p, "role"));
        } else if (node instanceof ParticipantCondition.StaffRoleIn) {
            out.add(c.participantField(p, "staffRole"));
        } else if (node instanceof ParticipantCondition.AgeCompare) {
            out.add(c.participantField(p, "ageYears"));
        } else if (node instanceof ParticipantCondition.AttributeIs a) {
            out.add(c.participantField(p, a.attribute().jsonName()));
        } else {
            throw new IllegalArgumentException("unknown, but no input named: " + node.getClass().getSimpleName());
        }
    }
}
