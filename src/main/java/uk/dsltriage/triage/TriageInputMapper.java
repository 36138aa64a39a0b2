package uk.dsltriage.triage;

import java.util.List;
import java.util.Map;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.ReporterBody;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.rules.DslAttestation;
import uk.dsltriage.rules.Participant;
import uk.dsltriage.rules.Reporter;
import uk.dsltriage.rules.TriageInput;

/** Turns the API's facts into the engine's input. Pure and total: absent parts stay absent (unknown). */
public final class TriageInputMapper {

    private TriageInputMapper() {
    }

    public static TriageInput toInput(TriageFactsBody body) {
        FactsBody facts = body.facts();
        Map<String, Boolean> booleans = facts == null ? Map.of() : facts.booleanFacts();
        return new TriageInput(
                body.occurredAt() == null ? null : body.occurredAt().toInstant(),
                body.incidentTypes() == null ? List.of() : List.copyOf(body.incidentTypes()),
                body.sexualViolenceType(),
                body.victimWishes(),
                body.participants() == null ? List.of() : body.participants().stream().map(TriageInputMapper::participant).toList(),
                booleans,
                facts == null ? null : facts.unexplainedAbsenceDays(),
                reporter(body.reporter()),
                attestation(body.dslAttestation()));
    }

    private static Participant participant(ParticipantBody p) {
        return new Participant(p.ref(), p.role(), p.ageYears(), p.isPupilOfSetting(), p.isStaffOrVolunteer(), p.staffRole(),
                p.hasSEND(), p.consentCapacityConcern(), p.prepubescent(), p.hasSocialWorker(), p.childProtectionPlan(),
                p.lookedAfter(), p.depictedInImage());
    }

    private static Reporter reporter(ReporterBody r) {
        return r == null ? null : new Reporter(r.isTeacher(), r.isDsl());
    }

    private static DslAttestation attestation(AttestationBody a) {
        return a == null ? null : new DslAttestation(a.sufficientInformation(), a.risksManageableInSetting(), a.headteacherConsulted());
    }
}
