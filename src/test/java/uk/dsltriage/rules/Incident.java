package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.VictimWishes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-data builder for {@link TriageInput}. {@link #of} follows examples.md ("omitted facts are
 * false"): every boolean fact starts false, every participant boolean false, the reporter is the DSL
 * and sexualViolenceType is NONE. {@link #unknownBase} starts with nothing known.
 */
final class Incident {

    private final List<IncidentType> types = new ArrayList<>();
    private final Map<String, Boolean> facts = new HashMap<>();
    private final List<Participant> participants = new ArrayList<>();
    private SexualViolenceType sexualViolenceType;
    private VictimWishes victimWishes;
    private Integer absenceDays;
    private Reporter reporter;
    private DslAttestation attestation;

    private Incident() {
    }

    static Incident of(IncidentType... types) {
        Incident i = new Incident();
        i.types.addAll(Arrays.asList(types));
        KnownFacts.BOOLEAN_FACTS.forEach(f -> i.facts.put(f, false));
        i.sexualViolenceType = SexualViolenceType.NONE;
        i.victimWishes = VictimWishes.UNKNOWN;
        i.absenceDays = 0;
        i.reporter = new Reporter(false, true);
        return i;
    }

    static Incident unknownBase(IncidentType... types) {
        Incident i = new Incident();
        i.types.addAll(Arrays.asList(types));
        return i;
    }

    Incident is(String... trueFacts) {
        for (String f : trueFacts) {
            fact(f, true);
        }
        return this;
    }

    Incident fact(String name, Boolean value) {
        if (!KnownFacts.isBooleanFact(name) && !KnownFacts.DERIVED_FACTS.contains(name)) {
            throw new IllegalArgumentException("unknown fact in test: " + name);
        }
        facts.put(name, value);
        return this;
    }

    Incident unknown(String... names) {
        for (String n : names) {
            facts.remove(n);
        }
        return this;
    }

    Incident with(P... ps) {
        for (P p : ps) {
            participants.add(p.build());
        }
        return this;
    }

    /** Drops the participant with this ref. */
    Incident without(String ref) {
        participants.removeIf(p -> ref.equals(p.ref()));
        return this;
    }

    Incident sexualViolence(SexualViolenceType t) {
        sexualViolenceType = t;
        return this;
    }

    Incident victimWishes(VictimWishes w) {
        victimWishes = w;
        return this;
    }

    Incident absenceDays(Integer days) {
        absenceDays = days;
        return this;
    }

    Incident reporter(Boolean isTeacher, Boolean isDsl) {
        reporter = new Reporter(isTeacher, isDsl);
        return this;
    }

    Incident noReporter() {
        reporter = null;
        return this;
    }

    Incident attested() {
        attestation = new DslAttestation(true, true, true);
        return this;
    }

    TriageInput build() {
        return new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), List.copyOf(types), sexualViolenceType,
                victimWishes, List.copyOf(participants), new HashMap<>(facts), absenceDays, reporter, attestation);
    }

    /** Participant builder: a pupil with every boolean false unless set. */
    static final class P {
        private String ref;
        private ParticipantRole role;
        private Integer age;
        private Boolean pupil = true;
        private Boolean staff = false;
        private StaffRole staffRole;
        private Boolean send = false;
        private Boolean capacity = false;
        private Boolean prepubescent = false;
        private Boolean socialWorker = false;
        private Boolean cpPlan = false;
        private Boolean lookedAfter = false;
        private Boolean depicted = false;

        static P child(String ref, ParticipantRole role, Integer age) {
            P p = new P();
            p.ref = ref;
            p.role = role;
            p.age = age;
            return p;
        }

        static P staff(String ref, ParticipantRole role, StaffRole staffRole, Integer age) {
            P p = child(ref, role, age);
            p.pupil = false;
            p.staff = true;
            p.staffRole = staffRole;
            return p;
        }

        P depicted() {
            depicted = true;
            return this;
        }

        P depicted(Boolean value) {
            depicted = value;
            return this;
        }

        P pupil(Boolean value) {
            pupil = value;
            return this;
        }

        P send(Boolean value) {
            send = value;
            return this;
        }

        P capacityConcern(Boolean value) {
            capacity = value;
            return this;
        }

        P prepubescent(Boolean value) {
            prepubescent = value;
            return this;
        }

        P socialWorker(Boolean value) {
            socialWorker = value;
            return this;
        }

        P cpPlan(Boolean value) {
            cpPlan = value;
            return this;
        }

        P lookedAfter(Boolean value) {
            lookedAfter = value;
            return this;
        }

        P staffFlag(Boolean value) {
            staff = value;
            return this;
        }

        P staffRole(StaffRole value) {
            staffRole = value;
            return this;
        }

        P age(Integer value) {
            age = value;
            return this;
        }

        Participant build() {
            return new Participant(ref, role, age, pupil, staff, staffRole, send, capacity, prepubescent,
                    socialWorker, cpPlan, lookedAfter, depicted);
        }
    }
}
