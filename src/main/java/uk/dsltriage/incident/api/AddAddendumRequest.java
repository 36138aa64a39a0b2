package uk.dsltriage.incident.api;

import uk.dsltriage.incident.AddAddendum;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.facts.TriageFactsBody;

@Schema(name = "AddAddendumRequest", description = "Later information. It is appended; the original record is never changed.")
public record AddAddendumRequest(
        @NotBlank @Size(max = 10_000) @Schema(maxLength = 10_000, description = "What is newly known, factually") String account,
        @Valid @Schema(description = "A complete revised set of triage facts, when the new information changes them; the incident is then triaged again and the earlier recommendation kept.")
        TriageFactsBody revisedFacts,
        @Schema(type = SchemaType.OBJECT, description = "A JSON Merge Patch (RFC 7396) of the facts in force: members replace, null removes. The patched facts must be valid facts; the incident is then triaged again. Not together with revisedFacts.")
        JsonNode factsPatch) {

    public AddAddendum toCommand() {
        return new AddAddendum(account, revisedFacts, factsPatch);
    }
}
