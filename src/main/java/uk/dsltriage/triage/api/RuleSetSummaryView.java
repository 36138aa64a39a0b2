package uk.dsltriage.triage.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSetSummary")
public record RuleSetSummaryView(String ruleSetId, String version, String title, String guidanceVersion,
        LocalDate effectiveFrom, String sha256, @Schema(description = "True for the version in force today") boolean inForce) {
}
