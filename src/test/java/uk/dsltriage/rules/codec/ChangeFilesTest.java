package uk.dsltriage.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dsltriage.rules.RuleSet;

/** Each committed change file lists exactly the rules the two documents differ in, each with a reason. */
class ChangeFilesTest {

    private static final List<RuleSet> ALL = RuleSetLoader.loadFromClasspath(ChangeFilesTest.class.getClassLoader());

    private static RuleSet version(String v) {
        return ALL.stream().filter(r -> r.version().equals(v)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025.2", "2026.1"})
    void theChangeFileListsExactlyTheComputedChangesWithAReasonEach(String to) throws Exception {
        JsonNode file = new ObjectMapper().readTree(RuleSetLoaderTest.bytes("rulesets/CHANGES-" + to + ".json"));
        assertEquals(to, file.path("to").asText());
        RuleSetDiff.Changes d = RuleSetDiff.between(version(file.path("from").asText()), version(to));
        List<String> computed = new ArrayList<>();
        d.added().forEach(r -> computed.add(r.id() + " added"));
        d.removed().forEach(r -> computed.add(r.id() + " removed"));
        d.changed().forEach(r -> computed.add(r.id() + " changed " + r.fields()));
        List<String> listed = new ArrayList<>();
        for (JsonNode e : file.path("rules")) {
            List<String> fields = new ArrayList<>();
            e.path("fields").forEach(f -> fields.add(f.asText()));
            listed.add(e.path("id").asText() + " " + e.path("change").asText()
                    + (e.path("change").asText().equals("changed") ? " " + fields : ""));
            String reason = e.path("reason").asText("");
            assertFalse(reason.isBlank() || reason.contains("?"), e.toString());
            assertFalse(e.path("amendment").asText("").isBlank(), e.toString());
        }
        assertEquals(computed.stream().sorted().toList(), listed.stream().sorted().toList());
        assertTrue(d.removed().isEmpty(), "no rule is dropped between these releases");
    }
}
