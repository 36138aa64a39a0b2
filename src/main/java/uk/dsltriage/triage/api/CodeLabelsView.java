package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.RuleSetWords;

/** Plain-English words for the codes of one recommendation, from its rule set's labels. */
@Schema(name = "CodeLabels", description = "A label and a one-line description for each route, action and the urgency in the recommendation")
public record CodeLabelsView(Map<String, Label> routes, Map<String, Label> requiredActions,
        Map<String, Label> forbiddenActions, Label urgency) {

    @Schema(name = "CodeLabel")
    public record Label(@Schema(maxLength = WireLimits.LABEL) String label, @Schema(maxLength = WireLimits.EXPLANATION) String description) {

        static Label of(RuleSetWords.Word word) {
            return new Label(word.label(), word.description());
        }
    }

    /** Labels for exactly these codes; null when the rule set has none. */
    static CodeLabelsView of(JsonNode labels, List<? extends Enum<?>> routes, List<? extends Enum<?>> required,
            List<? extends Enum<?>> forbidden, Enum<?> urgency) {
        RuleSetWords words = RuleSetWords.of(labels);
        if (words.isEmpty()) {
            return null;
        }
        return new CodeLabelsView(pick(words, routes), pick(words, required), pick(words, forbidden),
                urgency == null ? null : words.of(urgency).map(Label::of).orElse(null));
    }

    private static Map<String, Label> pick(RuleSetWords words, List<? extends Enum<?>> codes) {
        Map<String, Label> out = new LinkedHashMap<>();
        words.ofAll(codes == null ? List.of() : codes).forEach((code, word) -> out.put(code, Label.of(word)));
        return out;
    }
}
