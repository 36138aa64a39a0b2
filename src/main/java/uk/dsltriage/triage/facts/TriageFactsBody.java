package uk.dsltriage.triage.facts;

import jakarta.validation.Valid;
import uk.dsltriage.common.validation.NotInFuture;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;

/** The input of triage (vocabulary.md "Incident facts"): the body of a dry-run evaluation. */
@Schema(name = "TriageFacts", description = "The structured facts of an incident, the input of triage.")
public record TriageFactsBody(
        @NotNull @NotInFuture @Schema(description = "When it happened (or was first noticed); not in the future") OffsetDateTime occurredAt,
        @NotEmpty @Size(max = 12) List<@NotNull IncidentType> incidentTypes,
        SexualViolenceType sexualViolenceType,
        VictimWishes victimWishes,
        @Size(max = 30) List<@NotNull @Valid ParticipantBody> participants,
        @Valid FactsBody facts,
        @Valid ReporterBody reporter,
        @Valid AttestationBody dslAttestation) implements TriageFactsSource {
}
