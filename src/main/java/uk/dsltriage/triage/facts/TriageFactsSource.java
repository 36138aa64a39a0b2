package uk.dsltriage.triage.facts;

import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;

/** Anything that carries the triage facts: a dry-run body, an incident, or an addendum's revised facts. */
public interface TriageFactsSource {
    OffsetDateTime occurredAt();

    List<IncidentType> incidentTypes();

    SexualViolenceType sexualViolenceType();

    VictimWishes victimWishes();

    List<ParticipantBody> participants();

    FactsBody facts();

    ReporterBody reporter();

    AttestationBody dslAttestation();

    default TriageFactsBody toTriageFacts() {
        return new TriageFactsBody(occurredAt(), incidentTypes(), sexualViolenceType(), victimWishes(), participants(),
                facts(), reporter(), dslAttestation());
    }
}
