package uk.dsltriage.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The rule-set text follows the seed guidance (CSA Centre guide; threshold-guidance.md section 14): no victim-blaming
 * wording, an AI image is never called "fake", and online life is never set apart from "the real world". Every title,
 * explanation, conditional explanation, label and description of every release is scanned. 2025.1 cannot change (it
 * must replay byte for byte); its R23 wording is pinned as the one known lapse and is corrected in 2025.2.
 */
class RuleSetWordingTest {

    private static final List<RuleSet> ALL = RuleSetLoader.loadFromClasspath(RuleSetWordingTest.class.getClassLoader());

    /** Wording the seed guidance warns against, as whole words or phrases (case-insensitive). */
    static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\bfake\\b"),
            Pattern.compile("\\breal[- ]world\\b"),
            Pattern.compile("\\breal life\\b"),
            Pattern.compile("\\bshould(n't| not) have (sent|shared|taken)\\b"),
            Pattern.compile("\\b(their|your|her|his) (own )?fault\\b"),
            Pattern.compile("\\bput (themselves|herself|himself) at risk\\b"),
            Pattern.compile("\\b(risky|reckless|promiscuous|provocative) behaviour\\b"),
            Pattern.compile("\\basked for it\\b"),
            Pattern.compile("\\bsexting\\b"),
            Pattern.compile("\\bchild prostitut"),
            Pattern.compile("\\bconsensual abuse\\b"),
            Pattern.compile("\\blifestyle choice\\b"));

    static List<String> problems(String text) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\bnot (their|your|her|his) (own )?fault\\b", "");
        for (Pattern p : FORBIDDEN) {
            if (p.matcher(lower).find()) {
                found.add(p.pattern());
            }
        }
        return found;
    }

    /** Every text a DSL reads, with where it is. */
    static List<String[]> texts(RuleSet rs) throws Exception {
        JsonNode root = new ObjectMapper().readTree(rs.content());
        List<String[]> out = new ArrayList<>();
        for (String list : List.of("rules", "conflicts")) {
            for (JsonNode r : root.path(list)) {
                String id = r.path("id").asText();
                out.add(new String[] {id + ".title", r.path("title").asText()});
                out.add(new String[] {id + ".explanation", r.path("explanation").asText()});
                for (JsonNode a : r.path("also")) {
                    out.add(new String[] {id + ".also", a.path("explanation").asText()});
                }
            }
        }
        root.path("labels").fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(code -> {
            out.add(new String[] {code.getKey() + ".label", code.getValue().path("label").asText()});
            out.add(new String[] {code.getKey() + ".description", code.getValue().path("description").asText()});
        }));
        out.add(new String[] {"title", root.path("title").asText()});
        out.add(new String[] {"description", root.path("description").asText()});
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025.1", "2025.2", "2026.1"})
    void noReleaseUsesWordingTheSeedGuidanceWarnsAgainst(String version) throws Exception {
        RuleSet rs = ALL.stream().filter(r -> r.version().equals(version)).findFirst().orElseThrow();
        List<String> hits = new ArrayList<>();
        for (String[] t : texts(rs)) {
            List<String> p = problems(t[1]);
            if (!p.isEmpty()) {
                hits.add(t[0] + " " + p + ": " + t[1]);
            }
        }
        // 2025.1 stays byte-identical so stored recommendations replay; its one lapse is corrected from 2025.2 on.
        List<String> known = version.equals("2025.1") ? List.of("R23.explanation [\\bfake\\b]") : List.of();
        assertEquals(known, hits.stream().map(h -> h.substring(0, h.indexOf(':'))).toList(), hits.toString());
    }

    @Test
    void theScanCatchesWhatItLooksFor() {
        assertEquals(1, problems("It is only a fake image, so it matters less.").size());
        assertEquals(1, problems("What happens online can spill into the real world.").size());
        assertEquals(1, problems("She should not have sent it.").size());
        assertEquals(0, problems("Reassure them it is not their fault.").size());
        assertEquals(0, problems("An AI-generated image of a child is treated as any other nude.").size());
    }

    @Test
    void everyCodeHasALabelAndADescriptionInEveryLabelledRelease() throws Exception {
        for (RuleSet rs : ALL.subList(1, ALL.size())) {
            JsonNode labels = new ObjectMapper().readTree(rs.content()).path("labels");
            for (Route r : Route.values()) {
                assertTrue(labelled(labels.path("routes").path(r.name())), rs.version() + " " + r);
            }
            for (RequiredAction a : RequiredAction.values()) {
                assertTrue(labelled(labels.path("requiredActions").path(a.name())), rs.version() + " " + a);
            }
            for (ForbiddenAction a : ForbiddenAction.values()) {
                assertTrue(labelled(labels.path("forbiddenActions").path(a.name())), rs.version() + " " + a);
            }
            for (Urgency u : Urgency.values()) {
                assertTrue(labelled(labels.path("urgencies").path(u.name())), rs.version() + " " + u);
            }
        }
    }

    private static boolean labelled(JsonNode n) {
        return !n.path("label").asText("").isBlank() && !n.path("description").asText("").isBlank();
    }
}
