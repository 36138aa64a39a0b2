package uk.dsltriage.triage;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dsltriage.rules.DslAttestation;
import uk.dsltriage.rules.Participant;
import uk.dsltriage.rules.Reporter;
import uk.dsltriage.rules.TriageInput;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * The facts a recommendation was made from, as stored (storage format {@value #VERSION}): its own shape, not the
 * API's, so that the API can grow without changing what stored rows mean. Boolean facts are a map by fact name
 * holding only the known ones (a fact added later is simply absent, i.e. unknown, in older rows). Read strictly by
 * {@link TriageStorage}: every field must be present (null where the domain allows it) and no other may be.
 */
public record StoredFacts(int storageVersion, OffsetDateTime occurredAt, List<IncidentType> incidentTypes,
        SexualViolenceType sexualViolenceType, VictimWishes victimWishes, List<StoredParticipant> participants,
        Map<String, Boolean> facts, Integer unexplainedAbsenceDays, StoredReporter reporter,
        StoredAttestation dslAttestation) {

    public static final int VERSION = 2;

    public record StoredParticipant(String ref, ParticipantRole role, Integer ageYears, Boolean isPupilOfSetting,
            Boolean isStaffOrVolunteer, StaffRole staffRole, Boolean hasSEND, Boolean consentCapacityConcern,
            Boolean prepubescent, Boolean hasSocialWorker, Boolean childProtectionPlan, Boolean lookedAfter,
            Boolean depictedInImage) {

        Participant toParticipant() {
            return new Participant(ref, role, ageYears, isPupilOfSetting, isStaffOrVolunteer, staffRole, hasSEND,
                    consentCapacityConcern, prepubescent, hasSocialWorker, childProtectionPlan, lookedAfter,
                    depictedInImage);
        }
    }

    public record StoredReporter(Boolean isTeacher, Boolean isDsl) {
    }

    public record StoredAttestation(Boolean sufficientInformation, Boolean risksManageableInSetting,
            Boolean headteacherConsulted) {
    }

    public static StoredFacts of(TriageFactsBody body) {
        return from(TriageInputMapper.toInput(body), body.occurredAt());
    }

    /** The engine's input as stored; {@code occurredAt} keeps the offset it was given with. */
    static StoredFacts from(TriageInput in, OffsetDateTime occurredAt) {
        Map<String, Boolean> known = new LinkedHashMap<>();
        in.facts().forEach((name, value) -> {
            if (value != null) {
                known.put(name, value);
            }
        });
        return new StoredFacts(VERSION, occurredAt, in.incidentTypes(), in.sexualViolenceType(), in.victimWishes(),
                in.participants().stream().map(StoredFacts::participant).toList(), known,
                in.unexplainedAbsenceDays(),
                in.reporter() == null ? null : new StoredReporter(in.reporter().isTeacher(), in.reporter().isDsl()),
                in.dslAttestation() == null ? null : new StoredAttestation(in.dslAttestation().sufficientInformation(),
                        in.dslAttestation().risksManageableInSetting(), in.dslAttestation().headteacherConsulted()));
    }

    private static StoredParticipant participant(Participant p) {
        return new StoredParticipant(p.ref(), p.role(), p.ageYears(), p.isPupilOfSetting(), p.isStaffOrVolunteer(),
                p.staffRole(), p.hasSEND(), p.consentCapacityConcern(), p.prepubescent(), p.hasSocialWorker(),
                p.childProtectionPlan(), p.lookedAfter(), p.depictedInImage());
    }

    /** The engine's input, exactly as it was when the recommendation was made. */
    public TriageInput toInput() {
        return new TriageInput(occurredAt == null ? null : occurredAt.toInstant(), incidentTypes, sexualViolenceType,
                victimWishes, participants.stream().map(StoredParticipant::toParticipant).toList(), facts,
                unexplainedAbsenceDays, reporter == null ? null : new Reporter(reporter.isTeacher(), reporter.isDsl()),
                dslAttestation == null ? null : new DslAttestation(dslAttestation.sufficientInformation(),
                        dslAttestation.risksManageableInSetting(), dslAttestation.headteacherConsulted()));
    }

    public AttestationBody attestation() {
        return dslAttestation == null ? null : new AttestationBody(dslAttestation.sufficientInformation(),
                dslAttestation.risksManageableInSetting(), dslAttestation.headteacherConsulted());
    }
}
