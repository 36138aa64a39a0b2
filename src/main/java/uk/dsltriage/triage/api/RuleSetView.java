package uk.dsltriage.triage.api;

import uk.dsltriage.common.WireLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet")
public record RuleSetView(@Schema(maxLength = WireLimits.CODE) String ruleSetId, @Schema(maxLength = WireLimits.VERSION) String version, @Schema(maxLength = WireLimits.LABEL) String title, @Schema(maxLength = WireLimits.LABEL) String guidanceVersion, LocalDate effectiveFrom,
        @Schema(maxLength = WireLimits.SHA256_HEX, description = "SHA-256 of the exact rule file, as recorded with every recommendation") String sha256,
        @Schema(type = SchemaType.OBJECT, description = "The rule file itself: rules, conditions, outcomes and citations") JsonNode document,
        @Schema(type = SchemaType.OBJECT, description = "A label and a one-line description for every route, required and forbidden action and urgency") JsonNode labels) {
}
