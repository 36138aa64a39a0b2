package uk.dsltriage.triage.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A null-safe view of one {@link TriageInput} plus the rule set's flags and the derived facts.
 * Built once per evaluation; conditions only read it.
 */
public final class EvaluationContext {

    /** Refs are echoed in explanations only when they look like pseudonymous references. */
    private static final Pattern SAFE_REF = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    /** Client facts by {@link KnownFacts#indexOf} position; anything else in the input map is ignored. */
    private final Boolean[] facts = new Boolean[KnownFacts.BOOLEAN_FACTS.size()];
    private final Set<IncidentType> incidentTypes;
    private final SexualViolenceType sexualViolenceType;
    private final VictimWishes victimWishes;
    private final List<Participant> participants;
    private final List<String> labels;
    private final Integer unexplainedAbsenceDays;
    private final Reporter reporter;
    private final DslAttestation attestation;
    private final Map<String, Boolean> flags;
    private final DerivedFacts derived;
    /** Per-evaluation values of named definitions ({@link Condition.Defined}); the schema allows at most 64. */
    private final Tri[] memo = new Tri[MAX_DEFINITIONS];

    public static final int MAX_DEFINITIONS = 64;

    public EvaluationContext(TriageInput input, Map<String, Boolean> flags) {
        TriageInput in = input == null
                ? new TriageInput(null, null, null, null, null, null, null, null, null)
                : input;
        if (in.facts() != null) {
            for (Map.Entry<String, Boolean> e : in.facts().entrySet()) {
                int i = KnownFacts.indexOf(e.getKey());
                if (i >= 0) {
                    facts[i] = e.getValue();
                }
            }
        }
        this.incidentTypes = EnumSet.noneOf(IncidentType.class);
        if (in.incidentTypes() != null) {
            for (IncidentType t : in.incidentTypes()) {
                if (t != null) {
                    incidentTypes.add(t);
                }
            }
        }
        this.sexualViolenceType = in.sexualViolenceType();
        this.victimWishes = in.victimWishes();
        this.participants = new ArrayList<>();
        this.labels = new ArrayList<>();
        if (in.participants() != null) {
            int index = 0;
            for (Participant p : in.participants()) {
                if (p != null) {
                    participants.add(p);
                    labels.add(p.ref() != null && SAFE_REF.matcher(p.ref()).matches() ? p.ref() : "#" + index);
                }
                index++;
            }
        }
        Integer days = in.unexplainedAbsenceDays();
        this.unexplainedAbsenceDays = days != null && days >= 0 ? days : null;
        this.reporter = in.reporter();
        this.attestation = in.dslAttestation();
        this.flags = flags == null ? Map.of() : flags;
        this.derived = new DerivedFacts(this);
    }

    /** A client-settable boolean fact; derived names and unknown names read as unknown. */
    public Boolean fact(String name) {
        int i = KnownFacts.indexOf(name);
        return i < 0 ? null : facts[i];
    }

    /** A client fact by its {@link KnownFacts#indexOf} position. */
    public Boolean fact(int index) {
        return index < 0 ? null : facts[index];
    }

    public Set<IncidentType> incidentTypes() {
        return incidentTypes;
    }

    public SexualViolenceType sexualViolenceType() {
        return sexualViolenceType;
    }

    public VictimWishes victimWishes() {
        return victimWishes;
    }

    public int participantCount() {
        return participants.size();
    }

    public Participant participant(int i) {
        return participants.get(i);
    }

    /** A safe label for participant i: its ref when it looks like a pseudonym, else its position. */
    public String label(int i) {
        return labels.get(i);
    }

    /** Age in years, or null when unknown or invalid (negative). */
    public Integer age(int i) {
        Integer age = participants.get(i).ageYears();
        return age != null && age >= 0 ? age : null;
    }

    /** "participant P2 (SENDER, aged 19)", using only the ref, role and age. */
    public String describe(int i) {
        Participant p = participants.get(i);
        Integer age = age(i);
        String role = p.role() == null ? "role unknown" : p.role().name();
        return "participant " + label(i) + " (" + role + (age == null ? ", age unknown" : ", aged " + age) + ")";
    }

    public String participantField(int i, String field) {
        return "participants[" + label(i) + "]." + field;
    }

    public Integer unexplainedAbsenceDays() {
        return unexplainedAbsenceDays;
    }

    public Reporter reporter() {
        return reporter;
    }

    public DslAttestation attestation() {
        return attestation;
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    public DerivedFacts derived() {
        return derived;
    }

    Tri memo(int slot) {
        return memo[slot];
    }

    void memo(int slot, Tri value) {
        memo[slot] = value;
    }
}
