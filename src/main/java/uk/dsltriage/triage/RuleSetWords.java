package uk.dsltriage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The words a rule set gives its codes ({@code $.labels}: a label and a one-line description for each route, required
 * and forbidden action and urgency). A recommendation is worded by the rule set it was made under, wherever it is
 * shown (the incident, the queue, the review), so a DSL reads the same words for the same route everywhere.
 */
public final class RuleSetWords {

    /** A code's label and one-line description. */
    public record Word(String label, String description) {
    }

    /** A rule set without labels (or a recommendation without a rule set): no code has words of its own. */
    public static final RuleSetWords NONE = new RuleSetWords(MissingNode.getInstance());

    private final JsonNode labels;

    private RuleSetWords(JsonNode labels) {
        this.labels = labels;
    }

    /** {@code labels}: a rule set's {@code $.labels}, or null. */
    public static RuleSetWords of(JsonNode labels) {
        return labels == null || !labels.isObject() ? NONE : new RuleSetWords(labels);
    }

    /** The rule set's words for a route, an action or an urgency; empty for any other code, or one it does not word. */
    public Optional<Word> of(Enum<?> code) {
        String table = code instanceof Route ? "routes"
                : code instanceof RequiredAction ? "requiredActions"
                : code instanceof ForbiddenAction ? "forbiddenActions"
                : code instanceof Urgency ? "urgencies" : null;
        if (table == null) {
            return Optional.empty();
        }
        JsonNode word = labels.path(table).path(code.name());
        return word.isObject() ? Optional.of(new Word(word.path("label").asText(), word.path("description").asText()))
                : Optional.empty();
    }

    /** The rule set's words for those of these codes it words, by code name, in the codes' order. */
    public Map<String, Word> ofAll(Collection<? extends Enum<?>> codes) {
        Map<String, Word> words = new LinkedHashMap<>();
        for (Enum<?> code : codes) {
            of(code).ifPresent(word -> words.put(code.name(), word));
        }
        return words;
    }

    /** Whether the rule set words anything (a release before labels does not). */
    public boolean isEmpty() {
        return this == NONE;
    }
}
