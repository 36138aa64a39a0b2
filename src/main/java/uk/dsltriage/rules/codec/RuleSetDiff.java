package uk.dsltriage.rules.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import uk.dsltriage.rules.RuleSet;

/**
 * Rules added, removed and changed between two rule-set versions, computed from their documents. A rule is compared
 * field by field with named definitions inlined (so a changed definition shows in every rule that uses it); citations
 * are compared by source, section and status (the edition and confidence marks are reported once, not per rule).
 */
public final class RuleSetDiff {

    /** The fields of a rule, in the order changes are listed. */
    public static final List<String> FIELDS = List.of("title", "condition", "onUnknown", "outcome", "also", "citations",
            "explanation", "enabledByFlag");

    public record RuleRef(String id, String title) {
    }

    public record ChangedRule(String id, String title, List<String> fields) {
    }

    public record Changes(List<RuleRef> added, List<RuleRef> removed, List<ChangedRule> changed) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RuleSetDiff() {
    }

    public static Changes between(RuleSet from, RuleSet to) {
        Map<String, JsonNode> before = rules(from);
        Map<String, JsonNode> after = rules(to);
        List<RuleRef> added = new ArrayList<>();
        List<RuleRef> removed = new ArrayList<>();
        List<ChangedRule> changed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            JsonNode a = before.get(id);
            JsonNode b = after.get(id);
            if (a == null) {
                added.add(new RuleRef(id, b.path("title").asText()));
            } else if (b == null) {
                removed.add(new RuleRef(id, a.path("title").asText()));
            } else {
                List<String> fields = new ArrayList<>();
                for (String f : FIELDS) {
                    if (!a.path(f).equals(b.path(f))) {
                        fields.add(f);
                    }
                }
                if (!fields.isEmpty()) {
                    changed.add(new ChangedRule(id, b.path("title").asText(), List.copyOf(fields)));
                }
            }
        }
        return new Changes(List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    /** Rules and conflicts by id, normalised for comparison. */
    private static Map<String, JsonNode> rules(RuleSet ruleSet) {
        JsonNode root;
        try {
            root = MAPPER.readTree(ruleSet.content());
        } catch (IOException e) {
            throw new IllegalStateException("a loaded rule set no longer parses", e);
        }
        JsonNode definitions = root.path("definitions");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String list : List.of("rules", "conflicts")) {
            for (JsonNode rule : root.path(list)) {
                ObjectNode copy = rule.deepCopy();
                copy.set("condition", inline(rule.path("condition"), definitions, 0));
                if (rule.has("also")) {
                    ArrayNode also = MAPPER.createArrayNode();
                    for (JsonNode a : rule.path("also")) {
                        ObjectNode ac = a.deepCopy();
                        ac.set("when", inline(a.path("when"), definitions, 0));
                        also.add(ac);
                    }
                    copy.set("also", also);
                }
                ArrayNode citations = MAPPER.createArrayNode();
                for (JsonNode c : rule.path("citations")) {
                    ObjectNode cc = MAPPER.createObjectNode();
                    cc.set("source", c.path("source"));
                    cc.set("section", c.path("section"));
                    cc.set("status", c.path("status"));
                    citations.add(cc);
                }
                copy.set("citations", citations);
                byId.put(rule.path("id").asText(), copy);
            }
        }
        return byId;
    }

    /** The condition with every {"ref": name} replaced by the definition (definitions are acyclic once loaded). */
    private static JsonNode inline(JsonNode node, JsonNode definitions, int depth) {
        if (depth > RuleSetParser.MAX_INLINED_DEPTH * 4) {
            throw new IllegalStateException("definitions nest too deeply");
        }
        if (node.isObject()) {
            if (node.size() == 1 && node.has("ref") && node.path("ref").isTextual()) {
                return inline(definitions.path(node.path("ref").asText()), definitions, depth + 1);
            }
            ObjectNode copy = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), inline(e.getValue(), definitions, depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(n -> copy.add(inline(n, definitions, depth + 1)));
            return copy;
        }
        return node;
    }
}
