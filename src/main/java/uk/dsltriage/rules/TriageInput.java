package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The facts of one incident. Every field and every list element may be null; a boolean fact
 * that is absent or null is unknown, never false.
 */
public record TriageInput(Instant occurredAt, List<IncidentType> incidentTypes,
        SexualViolenceType sexualViolenceType, VictimWishes victimWishes, List<Participant> participants,
        Map<String, Boolean> facts, Integer unexplainedAbsenceDays, Reporter reporter,
        DslAttestation dslAttestation) {
}
