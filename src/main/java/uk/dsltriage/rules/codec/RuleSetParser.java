package uk.dsltriage.rules.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uk.dsltriage.rules.Citation;
import uk.dsltriage.rules.CitationStatus;
import uk.dsltriage.rules.Comparison;
import uk.dsltriage.rules.Condition;
import uk.dsltriage.rules.ConditionalOutcome;
import uk.dsltriage.rules.ConflictRule;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.rules.InvalidRuleSetException;
import uk.dsltriage.rules.KnownFacts;
import uk.dsltriage.rules.Outcome;
import uk.dsltriage.rules.ParticipantAttribute;
import uk.dsltriage.rules.ParticipantCondition;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.rules.Rule;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.rules.UnknownPolicy;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * Turns a schema-valid rule set tree into the engine's model, inlining named definitions and checking
 * what a schema cannot: unique ids, known flags, no definition cycles, and that every outcome with a
 * police, social care or LADO referral also withdraws internal handling.
 */
final class RuleSetParser {

    /** Depth after definitions are inlined. */
    static final int MAX_INLINED_DEPTH = 24;

    private static final Set<Route> REFERRAL_ROUTES = EnumSet.of(Route.POLICE_999, Route.POLICE_REFERRAL,
            Route.CSC_REFERRAL_S47, Route.CSC_REFERRAL_S17, Route.LADO_REFERRAL);

    private final String name;
    private JsonNode definitionNodes;
    private final Map<String, Condition> definitions = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private Set<String> flagNames = Set.of();

    RuleSetParser(String name) {
        this.name = name;
    }

    RuleSet parse(JsonNode root, String sha256, byte[] content) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("flags").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            flags.put(e.getKey(), e.getValue().asBoolean());
        }
        flagNames = flags.keySet();
        definitionNodes = root.path("definitions");
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(root.path("effectiveFrom").asText());
        } catch (DateTimeParseException e) {
            throw fail("$.effectiveFrom", "is not a valid date");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode ruleNodes = root.path("rules");
        for (int i = 0; i < ruleNodes.size(); i++) {
            Rule rule = rule(ruleNodes.get(i), "$.rules[" + i + "]");
            if (!ids.add(rule.id())) {
                throw fail("$.rules[" + i + "].id", "duplicate rule id " + rule.id());
            }
            rules.add(rule);
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        List<ConflictRule> conflicts = new ArrayList<>();
        JsonNode conflictNodes = root.path("conflicts");
        for (int i = 0; i < conflictNodes.size(); i++) {
            ConflictRule conflict = conflict(conflictNodes.get(i), "$.conflicts[" + i + "]");
            if (!ids.add(conflict.id())) {
                throw fail("$.conflicts[" + i + "].id", "duplicate id " + conflict.id());
            }
            conflicts.add(conflict);
        }
        for (Iterator<String> it = definitionNodes.fieldNames(); it.hasNext();) {
            String def = it.next();
            resolve(def, "$.definitions." + def);
        }
        try {
            return new RuleSet(root.path("ruleSetId").asText(), root.path("version").asText(),
                    root.path("title").asText(), root.path("guidanceVersion").asText(), effectiveFrom, sha256, flags,
                    rules, conflicts, content);
        } catch (InvalidRuleSetException e) {
            throw fail("$", e.getMessage());
        }
    }

    private Rule rule(JsonNode n, String path) {
        String id = n.path("id").asText();
        Condition condition = condition(n.path("condition"), path + ".condition");
        checkDepth(condition, path + ".condition");
        Outcome outcome = outcome(n.path("outcome"), path + ".outcome");
        UnknownPolicy onUnknown = n.has("onUnknown") ? UnknownPolicy.valueOf(n.get("onUnknown").asText())
                : outcome.withdrawsInternalHandling() ? UnknownPolicy.ASK : UnknownPolicy.IGNORE;
        List<ConditionalOutcome> also = new ArrayList<>();
        JsonNode alsoNodes = n.path("also");
        for (int j = 0; j < alsoNodes.size(); j++) {
            JsonNode a = alsoNodes.get(j);
            String p = path + ".also[" + j + "]";
            Condition when = condition(a.path("when"), p + ".when");
            checkDepth(when, p + ".when");
            UnknownPolicy policy = a.has("onUnknown") ? UnknownPolicy.valueOf(a.get("onUnknown").asText())
                    : UnknownPolicy.ASK;
            also.add(new ConditionalOutcome(when, policy, outcome(a.path("outcome"), p + ".outcome"),
                    a.path("explanation").asText()));
        }
        String flag = n.has("enabledByFlag") ? n.get("enabledByFlag").asText() : null;
        if (flag != null && !flagNames.contains(flag)) {
            throw fail(path + ".enabledByFlag", "names flag " + flag + " which is not declared in $.flags");
        }
        return new Rule(id, n.path("title").asText(), condition, onUnknown, outcome, also,
                citations(n.path("citations")), n.path("explanation").asText(), flag);
    }

    private ConflictRule conflict(JsonNode n, String path) {
        Condition condition = n.has("condition") ? condition(n.get("condition"), path + ".condition") : null;
        UnknownPolicy onUnknown = n.has("onUnknown") ? UnknownPolicy.valueOf(n.get("onUnknown").asText())
                : UnknownPolicy.IGNORE;
        return new ConflictRule(n.path("id").asText(), n.path("title").asText(),
                enums(n.path("whenRoutesAny"), Route::valueOf), enums(n.path("whenForbiddenAny"), ForbiddenAction::valueOf),
                condition, onUnknown, enums(n.path("addForbiddenActions"), ForbiddenAction::valueOf),
                enums(n.path("removeRequiredActions"), RequiredAction::valueOf),
                enums(n.path("removeRoutes"), Route::valueOf), enums(n.path("addRoutes"), Route::valueOf),
                citations(n.path("citations")), n.path("explanation").asText());
    }

    private Outcome outcome(JsonNode n, String path) {
        List<Route> routes = enums(n.path("routes"), Route::valueOf);
        Outcome o = new Outcome(routes,
                n.has("urgency") ? Urgency.valueOf(n.get("urgency").asText()) : null,
                enums(n.path("requiredActions"), RequiredAction::valueOf),
                enums(n.path("forbiddenActions"), ForbiddenAction::valueOf),
                n.path("mandatoryReferral").asBoolean(false), n.path("removesInternalHandling").asBoolean(false),
                n.path("dslDecisionRequired").asBoolean(false));
        boolean refers = routes.stream().anyMatch(REFERRAL_ROUTES::contains);
        if (refers && !o.withdrawsInternalHandling()) {
            throw fail(path, "has a police, social care or LADO referral route but neither mandatoryReferral "
                    + "nor removesInternalHandling");
        }
        if (routes.contains(Route.MANAGE_INTERNALLY_ELIGIBLE) && o.withdrawsInternalHandling()) {
            throw fail(path, "offers MANAGE_INTERNALLY_ELIGIBLE and withdraws it at the same time");
        }
        return o;
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private List<Citation> citations(JsonNode n) {
        List<Citation> list = new ArrayList<>();
        for (JsonNode c : n) {
            list.add(new Citation(c.path("source").asText(), c.path("section").asText(),
                    CitationStatus.valueOf(c.path("status").asText()), textOrNull(c.path("edition")),
                    textOrNull(c.path("confidence"))));
        }
        return list;
    }

    Condition condition(JsonNode n, String path) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw fail(path, "a condition must be an object with exactly one operator");
        }
        Map.Entry<String, JsonNode> e = n.fields().next();
        String op = e.getKey();
        JsonNode v = e.getValue();
        String p = path + "." + op;
        return switch (op) {
            case "all" -> new Condition.All(conditions(v, p));
            case "any" -> new Condition.Any(conditions(v, p));
            case "not" -> new Condition.Not(condition(v, p));
            case "definitely" -> new Condition.Definitely(condition(v, p));
            case "possibly" -> new Condition.Possibly(condition(v, p));
            case "always" -> new Condition.Always();
            case "factTrue" -> new Condition.FactIs(fact(v, p), true);
            case "factFalse" -> new Condition.FactIs(fact(v, p), false);
            case "factUnknown" -> new Condition.FactUnknown(fact(v, p));
            case "factNotFalse" -> new Condition.FactNotFalse(fact(v, p));
            case "derivedTrue" -> new Condition.DerivedIs(derived(v, p), true);
            case "derivedFalse" -> new Condition.DerivedIs(derived(v, p), false);
            case "incidentTypeIn" -> new Condition.IncidentTypeIn(enumSet(v, IncidentType.class));
            case "sexualViolenceTypeIn" -> new Condition.SexualViolenceTypeIn(enumSet(v, SexualViolenceType.class));
            case "victimWishesIn" -> new Condition.VictimWishesIn(enumSet(v, VictimWishes.class));
            case "number" -> new Condition.NumberCompare(v.path("name").asText(), comparison(v, p));
            case "anyParticipant" -> new Condition.AnyParticipant(participant(v, p));
            case "noParticipant" -> new Condition.Not(new Condition.AnyParticipant(participant(v, p)));
            case "reporterIsDsl" -> new Condition.ReporterIs("isDsl", v.asBoolean());
            case "reporterIsTeacher" -> new Condition.ReporterIs("isTeacher", v.asBoolean());
            case "attestationComplete" -> new Condition.AttestationComplete();
            case "flagEnabled" -> {
                if (!flagNames.contains(v.asText())) {
                    throw fail(p, "names flag " + v.asText() + " which is not declared in $.flags");
                }
                yield new Condition.FlagEnabled(v.asText());
            }
            case "ref" -> resolve(v.asText(), p);
            default -> throw fail(path, "unknown operator " + op);
        };
    }

    private List<Condition> conditions(JsonNode v, String path) {
        List<Condition> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            list.add(condition(v.get(i), path + "[" + i + "]"));
        }
        return list;
    }

    private Condition resolve(String def, String path) {
        Condition done = definitions.get(def);
        if (done != null) {
            return done;
        }
        if (!definitionNodes.has(def)) {
            throw fail(path, "refers to undefined definition " + def);
        }
        if (!resolving.add(def)) {
            throw fail(path, "definition " + def + " refers to itself");
        }
        Condition inner = condition(definitionNodes.get(def), "$.definitions." + def);
        // Slots are taken after nested definitions have taken theirs, so every definition has its own.
        Condition c = new Condition.Defined(def, definitions.size(), inner);
        resolving.remove(def);
        definitions.put(def, c);
        return c;
    }

    private ParticipantCondition participant(JsonNode n, String path) {
        if (n == null || !n.isObject() || n.size() != 1) {
            throw fail(path, "a participant condition must be an object with exactly one operator");
        }
        Map.Entry<String, JsonNode> e = n.fields().next();
        String op = e.getKey();
        JsonNode v = e.getValue();
        String p = path + "." + op;
        return switch (op) {
            case "all" -> new ParticipantCondition.All(participants(v, p));
            case "any" -> new ParticipantCondition.Any(participants(v, p));
            case "not" -> new ParticipantCondition.Not(participant(v, p));
            case "roleIn" -> new ParticipantCondition.RoleIn(enumSet(v, ParticipantRole.class));
            case "staffRoleIn" -> new ParticipantCondition.StaffRoleIn(enumSet(v, StaffRole.class));
            case "ageYears" -> new ParticipantCondition.AgeCompare(comparison(v, p));
            case "attributeTrue" -> new ParticipantCondition.AttributeIs(attribute(v, p), true);
            case "attributeFalse" -> new ParticipantCondition.AttributeIs(attribute(v, p), false);
            case "attributeUnknown" -> new ParticipantCondition.AttributeIs(attribute(v, p), null);
            default -> throw fail(path, "unknown participant operator " + op);
        };
    }

    private List<ParticipantCondition> participants(JsonNode v, String path) {
        List<ParticipantCondition> list = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            list.add(participant(v.get(i), path + "[" + i + "]"));
        }
        return list;
    }

    private Comparison comparison(JsonNode v, String path) {
        for (Comparison.Op op : Comparison.Op.values()) {
            String key = op.name().toLowerCase(java.util.Locale.ROOT);
            if (v.has(key)) {
                return new Comparison(op, v.get(key).asLong());
            }
        }
        throw fail(path, "needs one of lt, lte, gt, gte, eq");
    }

    private String fact(JsonNode v, String path) {
        if (!KnownFacts.isBooleanFact(v.asText())) {
            throw fail(path, "unknown fact " + v.asText());
        }
        return v.asText();
    }

    private String derived(JsonNode v, String path) {
        if (!KnownFacts.DERIVED_BOOLEAN_FACTS.contains(v.asText())) {
            throw fail(path, "unknown derived fact " + v.asText());
        }
        return v.asText();
    }

    private ParticipantAttribute attribute(JsonNode v, String path) {
        try {
            return ParticipantAttribute.fromJsonName(v.asText());
        } catch (IllegalArgumentException e) {
            throw fail(path, "unknown participant attribute " + v.asText());
        }
    }

    private void checkDepth(Condition c, String path) {
        if (c.depth() > MAX_INLINED_DEPTH) {
            throw fail(path, "nests more than " + MAX_INLINED_DEPTH + " levels once definitions are inlined");
        }
    }

    private static <E extends Enum<E>> List<E> enums(JsonNode n, Function<String, E> valueOf) {
        List<E> list = new ArrayList<>();
        for (JsonNode v : n) {
            list.add(valueOf.apply(v.asText()));
        }
        return list;
    }

    private static <E extends Enum<E>> Set<E> enumSet(JsonNode n, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (JsonNode v : n) {
            set.add(Enum.valueOf(type, v.asText()));
        }
        return set;
    }

    private RuleSetLoadException fail(String path, String message) {
        return new RuleSetLoadException(name + ": " + path + ": " + message);
    }
}
