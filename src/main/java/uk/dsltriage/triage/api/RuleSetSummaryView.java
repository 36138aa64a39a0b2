package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSetSummary")
public record RuleSetSummaryView(@Schema(maxLength = WireLimits.CODE) String ruleSetId, @Schema(maxLength = WireLimits.VERSION) String version, @Schema(maxLength = WireLimits.LABEL) String title, @Schema(maxLength = WireLimits.LABEL) String guidanceVersion,
        LocalDate effectiveFrom, @Schema(maxLength = WireLimits.SHA256_HEX) String sha256, @Schema(description = "True for the version in force today") boolean inForce) {
}
