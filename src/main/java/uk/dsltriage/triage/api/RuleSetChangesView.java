package uk.dsltriage.triage.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed between two versions of a rule set: computed from the two documents, with the reasons from the
 * committed change file when the pair is one it explains.
 */
@Schema(name = "RuleSetChanges")
public record RuleSetChangesView(String ruleSetId,
        @Schema(description = "The earlier version; null when the version has no predecessor") String from,
        String to,
        @Schema(description = "The change file's summary, when it explains exactly this pair") String summary,
        @Schema(description = "Changes that are not rule-by-rule (derived facts, labels, citation marks)") List<String> notes,
        List<Change> added, List<Change> removed, List<Change> changed) {

    @Schema(name = "RuleChange")
    public record Change(String id, String title,
            @Schema(description = "For a changed rule: title, condition, onUnknown, outcome, also, citations, explanation, enabledByFlag") List<String> fields,
            @Schema(description = "The amendment or KCSIE 2026 row behind it") String amendment,
            @Schema(description = "Why it changed, from the committed change file") String reason) {
    }
}
