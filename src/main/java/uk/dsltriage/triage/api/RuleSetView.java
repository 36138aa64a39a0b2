package uk.dsltriage.triage.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RuleSet")
public record RuleSetView(String ruleSetId, String version, String title, String guidanceVersion, LocalDate effectiveFrom,
        @Schema(description = "SHA-256 of the exact rule file, as recorded with every recommendation") String sha256,
        @Schema(type = SchemaType.OBJECT, description = "The rule file itself: rules, conditions, outcomes and citations") JsonNode document,
        @Schema(type = SchemaType.OBJECT, description = "A label and a one-line description for every route, required and forbidden action and urgency") JsonNode labels) {
}
