package uk.dsltriage.triage.api;

import jakarta.validation.constraints.Size;
import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed between two versions of a rule set: computed from the two documents, with the reasons from the
 * committed change file when the pair is one it explains.
 */
@Schema(name = "RuleSetChanges")
public record RuleSetChangesView(@Schema(maxLength = WireLimits.CODE) String ruleSetId,
        @Schema(maxLength = WireLimits.VERSION, description = "The earlier version; null when the version has no predecessor") String from,
        @Schema(maxLength = WireLimits.VERSION) String to,
        @Schema(maxLength = WireLimits.EXPLANATION, description = "The change file's summary, when it explains exactly this pair") String summary,
        @Schema(maxItems = 1000, description = "Changes that are not rule-by-rule (derived facts, labels, citation marks)") List<@Size(max = WireLimits.EXPLANATION) String> notes,
        @Schema(maxItems = 1000) List<Change> added, @Schema(maxItems = 1000) List<Change> removed, @Schema(maxItems = 1000) List<Change> changed) {

    @Schema(name = "RuleChange")
    public record Change(@Schema(maxLength = WireLimits.CODE) String id, @Schema(maxLength = WireLimits.LABEL) String title,
            @Schema(maxItems = 20, description = "For a changed rule: title, condition, onUnknown, outcome, also, citations, explanation, enabledByFlag") List<@Size(max = 32) String> fields,
            @Schema(maxLength = WireLimits.LABEL, description = "The amendment or KCSIE 2026 row behind it") String amendment,
            @Schema(maxLength = WireLimits.EXPLANATION, description = "Why it changed, from the committed change file") String reason) {
    }
}
