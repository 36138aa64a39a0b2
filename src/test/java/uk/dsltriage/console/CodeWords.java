package uk.dsltriage.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.dsltriage.review.Labels;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What a DSL must not read on a console page: a route, action or urgency as its code ({@code CSC_REFERRAL_S47}) or as
 * the code spelt out ("CSC referral S47") where the rule sets word it otherwise ("Child protection referral (section
 * 47)"). Only the visible text counts: attributes such as {@code data-route} carry codes on purpose.
 */
final class CodeWords {

    /** The rule set files that word their codes ($.labels). */
    private static final List<String> LABELLED = List.of("england-schools-2025.2", "england-schools-2026.1");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private CodeWords() {
    }

    /** Fails, naming each, if the page's visible text shows a code or a code spelt out instead of the rule set's words. */
    static void assertNoneShown(String html, String page) {
        String text = visibleText(html);
        List<String> shown = new ArrayList<>();
        for (Enum<?> code : codes()) {
            if (word(code.name()).matcher(text).find()) {
                shown.add(code.name());
            }
            String spelt = Labels.of(code);
            // A one-word spelling ("Immediate") is ordinary English on the page ("Immediate danger to life"); where the
            // urgency is shown, the page tests compare it with the rule set's word instead.
            if (spelt.contains(" ") && !ruleSetLabels(code).contains(spelt) && word(spelt).matcher(text).find()) {
                shown.add(code.name() + " as \"" + spelt + "\"");
            }
        }
        assertTrue(shown.isEmpty(), page + " shows codes, not the rule set's words: " + shown);
    }

    /** The words a rule set version gives its routes, actions and urgencies: table ("routes", ...) to code to label. */
    static Map<String, String> labels(String version, String table) {
        Map<String, String> labels = new LinkedHashMap<>();
        ruleSet("england-schools-" + version).path("labels").path(table).fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().path("label").asText()));
        return labels;
    }

    /** Each match of the pattern in the page: its first group to its second, as the page has them (escaped). */
    static Map<String, String> matches(Pattern pattern, String html) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** A page's visible text: tags dropped, Qute's escapes read back. */
    static String visibleText(String html) {
        return TAG.matcher(html).replaceAll(" ").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static List<Enum<?>> codes() {
        return Stream.of(Route.values(), RequiredAction.values(), ForbiddenAction.values(), Urgency.values())
                .<Enum<?>>flatMap(Stream::of).toList();
    }

    private static List<String> ruleSetLabels(Enum<?> code) {
        String table = code instanceof Route ? "routes" : code instanceof RequiredAction ? "requiredActions"
                : code instanceof ForbiddenAction ? "forbiddenActions" : "urgencies";
        return LABELLED.stream().map(file -> ruleSet(file).path("labels").path(table).path(code.name()).path("label").asText(null))
                .filter(l -> l != null).toList();
    }

    private static Pattern word(String words) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(words) + "(?![A-Za-z0-9_])");
    }

    private static JsonNode ruleSet(String file) {
        return FILES.computeIfAbsent(file, f -> {
            try (InputStream in = CodeWords.class.getResourceAsStream("/rulesets/" + f + ".json")) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
