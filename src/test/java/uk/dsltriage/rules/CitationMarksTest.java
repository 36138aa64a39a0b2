package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every citation's confidence mark (V, K, S) in 2025.2 and 2026.1 is the one transcribed line by line from the
 * guidance's tags into {@code citation-marks.tsv}, so a wrong mark fails the build; the transcription reads each tag
 * by the rules its header states; and the change files list the marks that changed.
 */
class CitationMarksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RELEASES = List.of("2025.2", "2026.1");

    record Row(int line, Set<String> releases, String rule, String source, String section, String mark, String tag,
            String note) {
        boolean matches(String release, String ruleId, JsonNode citation) {
            return releases.contains(release) && (rule.equals("*") || rule.equals(ruleId))
                    && source.equals(citation.path("source").asText())
                    && (section.equals("*") || section.equals(citation.path("section").asText()));
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        String[] lines = text("citation-marks.tsv").split("\n");
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#") || lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (header) {
                assertEquals(List.of("releases", "rule", "source", "section", "mark", "tag", "where", "note"),
                        Arrays.asList(f));
                header = false;
                continue;
            }
            assertEquals(8, f.length, "line " + (i + 1));
            rows.add(new Row(i + 1, Set.of(f[0].split(",")), f[1], f[2], f[3], f[4], f[5], f[7]));
        }
        return rows;
    }

    /** Every citation of the release, with the id of the rule or conflict that carries it. */
    static List<Map.Entry<String, JsonNode>> citations(String release) throws IOException {
        JsonNode doc = JSON.readTree(Fixtures.version(release).content());
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        for (String list : List.of("rules", "conflicts")) {
            for (JsonNode rule : doc.path(list)) {
                rule.path("citations").forEach(c -> all.add(Map.entry(rule.path("id").asText(), c)));
            }
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025.2", "2026.1"})
    void everyCitationCarriesItsTranscribedMark(String release) throws IOException {
        List<Row> rows = rows();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : citations(release)) {
            List<Row> hits = rows.stream().filter(r -> r.matches(release, e.getKey(), e.getValue())).toList();
            String where = e.getKey() + " " + e.getValue().path("source").asText() + " / "
                    + e.getValue().path("section").asText();
            if (hits.size() != 1) {
                wrong.add(where + ": " + hits.size() + " transcription rows");
            } else if (!hits.get(0).mark().equals(e.getValue().path("confidence").asText())) {
                wrong.add(where + ": " + e.getValue().path("confidence").asText() + ", transcribed "
                        + hits.get(0).mark() + " from " + hits.get(0).tag());
            }
        }
        assertTrue(wrong.isEmpty(), release + ": " + String.join("\n", wrong));
    }

    @Test
    void everyTranscriptionRowIsUsedAndReadsItsTagByTheStatedRules() throws IOException {
        Set<Integer> used = new HashSet<>();
        for (String release : RELEASES) {
            for (Map.Entry<String, JsonNode> e : citations(release)) {
                rows().stream().filter(r -> r.matches(release, e.getKey(), e.getValue())).forEach(r -> used.add(r.line()));
            }
        }
        for (Row r : rows()) {
            assertTrue(used.contains(r.line()), "line " + r.line() + " matches no citation: " + r);
            assertTrue(Set.of("V", "K", "S").contains(r.mark()), r.toString());
            assertEquals(expectedMark(r), r.mark(), "line " + r.line() + " reads its tag wrongly: " + r);
        }
    }

    /** The header's rules: the plain tag's letter; no tag K; "(S)" or [S..] S; otherwise the note names the reading. */
    private static String expectedMark(Row r) {
        String tag = r.tag();
        if (tag.equals("untagged")) {
            return "K";
        }
        if (tag.matches("\\[[VKS]]")) {
            return tag.substring(1, 2);
        }
        if (tag.contains("(S)") || tag.startsWith("[S")) {
            return "S";
        }
        assertFalse(r.note().isBlank(), "a qualified tag needs its reading in the note: " + r);
        String reading = r.note().substring(0, 1);
        if (reading.equals("V")) {
            // Only a V that names the copy it was read in (seed, gov.uk, a template or faithful copy) stays V.
            assertFalse(tag.contains("K") && !tag.contains("KCSIE"), "a tag naming K cannot read as V: " + r);
            assertFalse(tag.matches(".*V 20\\d\\d.*|.*concept.*"), "another edition's text or a concept is K: " + r);
        }
        return reading;
    }

    @Test
    void release2025_1CarriesNoMarks() throws IOException {
        for (Map.Entry<String, JsonNode> e : citations("2025.1")) {
            assertTrue(e.getValue().path("confidence").isMissingNode(), e.getKey() + " " + e.getValue());
        }
    }

    @Test
    void theChangeFilesExplainTheMarks() throws IOException {
        Map<String, String> marks2025 = marks("2025.2");
        JsonNode corrected = JSON.readTree(text("rulesets/CHANGES-2025.2.json")).path("citationMarks");
        assertFalse(corrected.path("reading").asText().isBlank());
        assertTrue(corrected.path("correctedFromTheFirstRelease").size() > 0);
        for (JsonNode c : corrected.path("correctedFromTheFirstRelease")) {
            String key = c.path("rule").asText() + "|" + c.path("source").asText() + "|" + c.path("section").asText();
            assertEquals(marks2025.get(key), c.path("now").asText(), "change file of 2025.2 on " + key);
            assertFalse(c.path("was").asText().equals(c.path("now").asText()), key);
            String tag = rows().stream().filter(r -> (r.rule() + "|" + r.source() + "|" + r.section()).equals(key))
                    .findFirst().orElseThrow().tag();
            assertEquals(tag, c.path("tag").asText(), key);
        }
        Map<String, String> marks2026 = marks("2026.1");
        List<String> changed = new ArrayList<>();
        marks2025.forEach((k, v) -> {
            if (marks2026.containsKey(k) && !marks2026.get(k).equals(v)) {
                changed.add(k + " " + v + ">" + marks2026.get(k));
            }
        });
        List<String> listed = new ArrayList<>();
        JsonNode file2026 = JSON.readTree(text("rulesets/CHANGES-2026.1.json")).path("citationMarks");
        file2026.path("changedFrom2025_2").forEach(c -> listed.add(c.path("rule").asText() + "|"
                + c.path("source").asText() + "|" + c.path("section").asText() + " " + c.path("was").asText() + ">"
                + c.path("now").asText()));
        changed.sort(null);
        listed.sort(null);
        assertEquals(changed, listed, "marks that differ between 2025.2 and 2026.1 for the same citation");
    }

    private static Map<String, String> marks(String release) throws IOException {
        Map<String, String> marks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : citations(release)) {
            marks.put(e.getKey() + "|" + e.getValue().path("source").asText() + "|"
                    + e.getValue().path("section").asText(), e.getValue().path("confidence").asText());
        }
        return marks;
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = CitationMarksTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
