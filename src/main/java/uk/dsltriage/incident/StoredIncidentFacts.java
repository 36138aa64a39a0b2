package uk.dsltriage.incident;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.ReporterBody;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.VictimWishes;

/**
 * The facts of an incident ({@code incident.facts}) or of an addendum's revision ({@code incident_addendum.revised_facts})
 * as stored, storage format {@value #VERSION}: its own shape, mapped to and from the facts value. Boolean facts are a
 * map by vocabulary name holding only the known ones, so a fact added later is simply absent (unknown) in older rows,
 * and a name that is no fact (a renamed one) is refused. {@code facts} and {@code participants} keep null apart from
 * empty, so that the facts read back are the facts written. Renaming a component is a new version, never an edit.
 */
record StoredIncidentFacts(int storageVersion, OffsetDateTime occurredAt, List<IncidentType> incidentTypes,
        SexualViolenceType sexualViolenceType, VictimWishes victimWishes, List<Participant> participants,
        Map<String, Boolean> facts, Integer unexplainedAbsenceDays, Reporter reporter, Attestation dslAttestation) {

    static final int VERSION = 2;

    record Participant(String ref, ParticipantRole role, Integer ageYears, Boolean isPupilOfSetting,
            Boolean isStaffOrVolunteer, StaffRole staffRole, Boolean hasSEND, Boolean consentCapacityConcern,
            Boolean prepubescent, Boolean hasSocialWorker, Boolean childProtectionPlan, Boolean lookedAfter,
            Boolean depictedInImage) {
    }

    record Reporter(Boolean isTeacher, Boolean isDsl) {
    }

    record Attestation(Boolean sufficientInformation, Boolean risksManageableInSetting, Boolean headteacherConsulted) {
    }

    static StoredIncidentFacts of(TriageFactsBody body) {
        FactsBody f = body.facts();
        return new StoredIncidentFacts(VERSION, body.occurredAt(), body.incidentTypes(), body.sexualViolenceType(),
                body.victimWishes(),
                body.participants() == null ? null : body.participants().stream().map(StoredIncidentFacts::participant).toList(),
                f == null ? null : f.booleanFacts(), f == null ? null : f.unexplainedAbsenceDays(),
                body.reporter() == null ? null : new Reporter(body.reporter().isTeacher(), body.reporter().isDsl()),
                body.dslAttestation() == null ? null : new Attestation(body.dslAttestation().sufficientInformation(),
                        body.dslAttestation().risksManageableInSetting(), body.dslAttestation().headteacherConsulted()));
    }

    private static Participant participant(ParticipantBody p) {
        return new Participant(p.ref(), p.role(), p.ageYears(), p.isPupilOfSetting(), p.isStaffOrVolunteer(),
                p.staffRole(), p.hasSEND(), p.consentCapacityConcern(), p.prepubescent(), p.hasSocialWorker(),
                p.childProtectionPlan(), p.lookedAfter(), p.depictedInImage());
    }

    /** The facts value; what the facts always hold (when, what kind, who by reference and role) must be there. */
    TriageFactsBody toFacts() {
        StoredRecords.require(occurredAt != null && incidentTypes != null && !incidentTypes.isEmpty()
                && incidentTypes.stream().allMatch(Objects::nonNull), "incident facts have no occurredAt or incidentTypes");
        StoredRecords.require(facts != null || unexplainedAbsenceDays == null,
                "incident facts have unexplainedAbsenceDays without facts");
        if (participants != null) {
            for (Participant p : participants) {
                StoredRecords.require(p != null && p.ref() != null && p.role() != null,
                        "incident facts have a participant without ref or role");
            }
        }
        return new TriageFactsBody(occurredAt, incidentTypes, sexualViolenceType, victimWishes,
                participants == null ? null : participants.stream().map(p -> new ParticipantBody(p.ref(), p.role(),
                        p.ageYears(), p.isPupilOfSetting(), p.isStaffOrVolunteer(), p.staffRole(), p.hasSEND(),
                        p.consentCapacityConcern(), p.prepubescent(), p.hasSocialWorker(), p.childProtectionPlan(),
                        p.lookedAfter(), p.depictedInImage())).toList(),
                facts == null ? null : factsBody(facts, unexplainedAbsenceDays),
                reporter == null ? null : new ReporterBody(reporter.isTeacher(), reporter.isDsl()),
                dslAttestation == null ? null : new AttestationBody(dslAttestation.sufficientInformation(),
                        dslAttestation.risksManageableInSetting(), dslAttestation.headteacherConsulted()));
    }

    // ---- the boolean facts by name, and back

    private static final RecordComponent[] FACT_COMPONENTS = FactsBody.class.getRecordComponents();
    private static final Set<String> BOOLEAN_FACTS = Set.copyOf(Arrays.stream(FACT_COMPONENTS)
            .filter(c -> c.getType() == Boolean.class).map(RecordComponent::getName).toList());
    private static final String DAYS = "unexplainedAbsenceDays";
    private static final Constructor<FactsBody> FACTS_BODY = canonical();

    private static FactsBody factsBody(Map<String, Boolean> known, Integer days) {
        StoredRecords.require(BOOLEAN_FACTS.containsAll(known.keySet()), "incident facts name a fact there is not (renamed?)");
        StoredRecords.require(known.values().stream().allMatch(Objects::nonNull), "incident facts hold an unknown fact as null, not left out");
        Object[] values = new Object[FACT_COMPONENTS.length];
        for (int i = 0; i < FACT_COMPONENTS.length; i++) {
            String name = FACT_COMPONENTS[i].getName();
            values[i] = DAYS.equals(name) ? days : known.get(name);
        }
        try {
            return FACTS_BODY.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("facts record not constructible", e);
        }
    }

    private static Constructor<FactsBody> canonical() {
        for (RecordComponent c : FACT_COMPONENTS) {
            if (c.getType() != Boolean.class && !DAYS.equals(c.getName())) {
                throw new IllegalStateException("a fact that is neither boolean nor " + DAYS + ": " + c.getName());
            }
        }
        try {
            return FactsBody.class.getDeclaredConstructor(
                    Arrays.stream(FACT_COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("facts record has no canonical constructor", e);
        }
    }

    // ---- format 1: rows written before storageVersion, the facts value's own JSON written without nulls

    /** The boolean facts the facts value had when format 1 was last written: a format-1 row names only these. */
    static final List<String> V1_FACT_NAMES = StoredRecords.frozenNames("storage/incident-facts-v1-fact-names.txt");

    /** Format 1: the facts value as the API wrote it, nulls left out; the facts as one object with the days in it. */
    record FormatOne(OffsetDateTime occurredAt, List<IncidentType> incidentTypes, SexualViolenceType sexualViolenceType,
            VictimWishes victimWishes, List<Participant> participants, Map<String, Object> facts, Reporter reporter,
            Attestation dslAttestation) {

        StoredIncidentFacts upgrade() {
            Map<String, Boolean> known = null;
            Integer days = null;
            if (facts != null) {
                Set<String> allowed = new HashSet<>(V1_FACT_NAMES);
                allowed.add(DAYS);
                StoredRecords.require(allowed.containsAll(facts.keySet()),
                        "incident facts (format 1) name a fact format 1 did not have (renamed?)");
                known = new LinkedHashMap<>();
                for (String name : V1_FACT_NAMES) {
                    Object value = facts.get(name);
                    StoredRecords.require(value == null || value instanceof Boolean,
                            "incident facts (format 1): a fact is not a boolean");
                    if (value != null) {
                        known.put(name, (Boolean) value);
                    }
                }
                Object d = facts.get(DAYS);
                StoredRecords.require(d == null || d instanceof Integer,
                        "incident facts (format 1): unexplainedAbsenceDays is not a number");
                days = (Integer) d;
            }
            return new StoredIncidentFacts(VERSION, occurredAt, incidentTypes, sexualViolenceType, victimWishes,
                    participants, known, days, reporter, dslAttestation);
        }
    }
}
