package uk.dsltriage.incident;

import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.ReporterBody;
import uk.dsltriage.triage.facts.TriageFactsSource;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * The command to record a concern. Its components are the request's, in the request's order, so that its JSON (the
 * Idempotency-Key fingerprint) is the JSON of the request: a retry keeps matching the call it repeats.
 */
public record RecordIncident(OffsetDateTime occurredAt, Location location, String account, String childVoice,
        List<IncidentType> incidentTypes, SexualViolenceType sexualViolenceType, VictimWishes victimWishes,
        List<ParticipantBody> participants, FactsBody facts, ReporterBody reporter, AttestationBody dslAttestation,
        ImageMetadataBody imageMetadata) implements TriageFactsSource {
}
