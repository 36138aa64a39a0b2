package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Plain-English words for the codes of one recommendation, from its rule set's labels. */
@Schema(name = "CodeLabels", description = "A label and a one-line description for each route, action and the urgency in the recommendation")
public record CodeLabelsView(Map<String, Label> routes, Map<String, Label> requiredActions,
        Map<String, Label> forbiddenActions, Label urgency) {

    @Schema(name = "CodeLabel")
    public record Label(@Schema(maxLength = WireLimits.LABEL) String label, @Schema(maxLength = WireLimits.EXPLANATION) String description) {
    }

    /** Labels for exactly these codes; null when the rule set has none. */
    static CodeLabelsView of(JsonNode labels, List<? extends Enum<?>> routes, List<? extends Enum<?>> required,
            List<? extends Enum<?>> forbidden, Enum<?> urgency) {
        if (labels == null || !labels.isObject()) {
            return null;
        }
        return new CodeLabelsView(pick(labels.path("routes"), routes), pick(labels.path("requiredActions"), required),
                pick(labels.path("forbiddenActions"), forbidden),
                urgency == null ? null : label(labels.path("urgencies").path(urgency.name())));
    }

    private static Map<String, Label> pick(JsonNode table, List<? extends Enum<?>> codes) {
        Map<String, Label> out = new LinkedHashMap<>();
        for (Enum<?> code : codes == null ? List.<Enum<?>>of() : codes) {
            Label l = label(table.path(code.name()));
            if (l != null) {
                out.put(code.name(), l);
            }
        }
        return out;
    }

    private static Label label(JsonNode n) {
        return n.isObject() ? new Label(n.path("label").asText(), n.path("description").asText()) : null;
    }
}
