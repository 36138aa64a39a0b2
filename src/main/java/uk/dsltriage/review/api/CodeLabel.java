package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.Labels;
import uk.dsltriage.triage.RuleSetWords;

@Schema(name = "CodeLabel", description = "A vocabulary code with a readable label")
public record CodeLabel(@Schema(maxLength = WireLimits.CODE) String code, @Schema(maxLength = WireLimits.LABEL) String label) {

    public static CodeLabel of(Enum<?> value) {
        return value == null ? null : new CodeLabel(value.name(), Labels.of(value));
    }

    public static CodeLabel of(String code) {
        return code == null ? null : new CodeLabel(code, Labels.of(code));
    }

    public static List<CodeLabel> all(Collection<? extends Enum<?>> values) {
        return all(values, RuleSetWords.NONE);
    }

    /**
     * A route, action or urgency of a recommendation in the words of the rule set it was made under, as the incident
     * shows it (the recommendation's {@code labels}); the code in words where the rule set has none.
     */
    public static CodeLabel of(Enum<?> value, RuleSetWords words) {
        return value == null ? null
                : new CodeLabel(value.name(), words.of(value).map(RuleSetWords.Word::label).orElseGet(() -> Labels.of(value)));
    }

    public static List<CodeLabel> all(Collection<? extends Enum<?>> values, RuleSetWords words) {
        return values.stream().map(v -> (Enum<?>) v).sorted(java.util.Comparator.comparingInt(Enum::ordinal))
                .map(v -> of(v, words)).toList();
    }
}
