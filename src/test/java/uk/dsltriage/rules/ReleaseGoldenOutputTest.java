package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden outputs of the releases after 2025.1: every input that {@link GoldenOutputTest} evaluates under 2025.1 is
 * evaluated under 2025.2 and 2026.1 and compared by SHA-256 with {@code rules-golden/hashes-<version>.tsv}
 * (re-record with {@code -Drules.golden.record=true} and review {@code named-cases-<version>.txt}).
 *
 * <p>It also checks that the differences from 2025.1 are those the committed change files explain: every rule whose
 * firing differs on some input is a rule the change files list, or one that reads a derived fact the change file
 * says changed. Conflicts react to the routes and forbidden actions the rules produce, so they follow the rules.
 */
class ReleaseGoldenOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025.2", "2026.1"})
    void everyOutputMatchesItsGoldenAndEveryDifferenceFrom2025_1IsExplained(String version) throws IOException {
        RuleSet release = Fixtures.version(version);
        RuleEngine engine = new RuleEngine();
        Set<String> explained = explainedRuleIds(version);
        List<String> lines = new ArrayList<>();
        StringBuilder named = new StringBuilder();
        Map<String, String> unexplained = new LinkedHashMap<>();
        for (GoldenOutputTest.Case c : GoldenOutputTest.cases()) {
            if (c.ruleSet() != Fixtures.RULES) {
                continue;
            }
            Recommendation now = engine.evaluate(release, c.input());
            String out = GoldenOutputTest.render(now);
            lines.add(c.name() + "\t" + GoldenOutputTest.sha256(GoldenOutputTest.renderInput(Fixtures.RULES, c.input()))
                    + "\t" + GoldenOutputTest.sha256(out));
            if (!c.name().startsWith("random-") || c.name().endsWith("-0") || c.name().endsWith("-1")) {
                named.append("=== ").append(c.name()).append('\n').append(out).append('\n');
            }
            Set<String> before = fired(engine.evaluate(Fixtures.RULES, c.input()));
            Set<String> after = fired(now);
            Set<String> differing = new TreeSet<>(before);
            differing.addAll(after);
            Set<String> both = new TreeSet<>(before);
            both.retainAll(after);
            differing.removeAll(both);
            differing.removeIf(id -> id.startsWith("X") || explained.contains(id));
            if (!differing.isEmpty()) {
                unexplained.put(c.name(), differing.toString());
            }
        }
        assertTrue(unexplained.isEmpty(), "firing differs from 2025.1 in rules no change file explains: " + unexplained);
        String hashes = "rules-golden/hashes-" + version + ".tsv";
        if (Boolean.getBoolean("rules.golden.record")) {
            Path dir = Path.of("src/test/resources/rules-golden");
            Files.writeString(dir.resolve("hashes-" + version + ".tsv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("named-cases-" + version + ".txt"), named.toString(), StandardCharsets.UTF_8);
            return;
        }
        List<String> golden = read(hashes);
        assertEquals(golden.size(), lines.size(), "number of golden cases for " + version);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!golden.get(i).equals(lines.get(i))) {
                failures.add(lines.get(i).split("\t")[0]);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " outputs of " + version + " differ from its golden, first: "
                    + failures.subList(0, Math.min(20, failures.size())));
        }
    }

    private static Set<String> fired(Recommendation r) {
        return r.firedRules().stream().map(FiredRule::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Rule ids the change files up to {@code version} list, plus the rules that read a derived fact they changed. */
    static Set<String> explainedRuleIds(String version) throws IOException {
        Set<String> ids = new TreeSet<>();
        Set<String> derived = new TreeSet<>();
        for (String v : List.of("2025.2", "2026.1")) {
            JsonNode file = new ObjectMapper().readTree(bytes("rulesets/CHANGES-" + v + ".json"));
            file.path("rules").forEach(e -> ids.add(e.path("id").asText()));
            file.path("derivedFactsChanged").forEach(d -> derived.add(d.asText()));
            if (v.equals(version)) {
                break;
            }
        }
        JsonNode doc = new ObjectMapper().readTree(Fixtures.version(version).content());
        for (JsonNode rule : doc.path("rules")) {
            String text = inlined(rule, doc.path("definitions")).toString();
            if (derived.stream().anyMatch(d -> text.contains("\"" + d + "\""))) {
                ids.add(rule.path("id").asText());
            }
        }
        return ids;
    }

    private static JsonNode inlined(JsonNode node, JsonNode definitions) {
        if (node.isObject() && node.size() == 1 && node.path("ref").isTextual()) {
            return inlined(definitions.path(node.path("ref").asText()), definitions);
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                var o = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
                node.fields().forEachRemaining(e -> o.set(e.getKey(), inlined(e.getValue(), definitions)));
            } else {
                var a = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < node.size(); i++) {
                    a.set(i, inlined(node.get(i), definitions));
                }
            }
            return copy;
        }
        return node;
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = ReleaseGoldenOutputTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail(resource + " is missing");
            }
            return in.readAllBytes();
        }
    }

    private static List<String> read(String resource) throws IOException {
        return Arrays.asList(new String(bytes(resource), StandardCharsets.UTF_8).split("\n"));
    }
}
