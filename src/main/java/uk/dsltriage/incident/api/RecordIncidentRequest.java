package uk.dsltriage.incident.api;

import uk.dsltriage.incident.RecordIncident;
import jakarta.validation.Valid;
import uk.dsltriage.common.validation.NotInFuture;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.ImageMetadataBody;
import uk.dsltriage.incident.Location;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.ReporterBody;
import uk.dsltriage.triage.facts.TriageFactsSource;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * A concern as a member of staff records it: what happened, factually, and the structured facts triage reads. Has no
 * server-owned fields; unknown fields are refused.
 */
@Schema(name = "RecordIncidentRequest")
public record RecordIncidentRequest(
        @NotNull @NotInFuture @Schema(description = "When it happened (or was first noticed); not in the future") OffsetDateTime occurredAt,
        @NotNull Location location,
        @NotBlank @Size(max = 10_000)
        @Schema(description = "What was seen, heard or said: factual, in the words used. Never describe an image in detail.", maxLength = 10_000)
        String account,
        @Size(max = 5_000) @Schema(description = "The child's own words, if any", maxLength = 5_000) String childVoice,
        @NotEmpty @Size(max = 12) List<@NotNull IncidentType> incidentTypes,
        SexualViolenceType sexualViolenceType,
        VictimWishes victimWishes,
        @Size(max = 30) List<@NotNull @Valid ParticipantBody> participants,
        @Valid FactsBody facts,
        @Valid ReporterBody reporter,
        @Valid AttestationBody dslAttestation,
        @Valid ImageMetadataBody imageMetadata) implements TriageFactsSource {

    public RecordIncident toCommand() {
        return new RecordIncident(occurredAt, location, account, childVoice, incidentTypes, sexualViolenceType,
                victimWishes, participants, facts, reporter, dslAttestation, imageMetadata);
    }
}
