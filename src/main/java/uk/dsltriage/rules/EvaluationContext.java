package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A null-safe view of one {@link TriageInput} plus the rule set's flags and the derived facts.
 * Built once per evaluation; conditions only read it.
 */
public final class EvaluationContext {

    /** Refs are echoed in explanations only when they look like pseudonymous references: [A-Za-z0-9_-]{1,16}. */
    static boolean isSafeRef(String ref) {
        if (ref == null || ref.isEmpty() || ref.length() > 16) {
            return false;
        }
        for (int i = 0; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            boolean ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
                    || ch == '_' || ch == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Client facts by {@link KnownFacts#indexOf} position; anything else in the input map is ignored. Held as
     * the masks below when every fact has a bit in a long (it is null then), else in this array.
     */
    private final Boolean[] facts = MASKS ? null : new Boolean[FACT_COUNT];
    /** Facts known true and known false, as bit masks by position (there are at most 64 boolean facts). */
    private long factTrue;
    private long factFalse;
    /** Built from the mask when first asked for (the engine itself uses the mask). */
    private Set<IncidentType> incidentTypes;
    /** The incident types as a bit mask by ordinal (there are fewer than 64). */
    private long incidentTypeMask;
    private final SexualViolenceType sexualViolenceType;
    private final VictimWishes victimWishes;
    /** The non-null participants, and their input positions (labels use the position). */
    private Participant[] people;
    private int[] positions;
    private int count;
    /** Labels and descriptions, built when an explanation or a missing-fact list first needs them. */
    private String[] labels;
    private String[] descriptions;
    private final Integer unexplainedAbsenceDays;
    private final Reporter reporter;
    private final DslAttestation attestation;
    private final Map<String, Boolean> flags;
    private final DerivedFacts derived;
    /** Per-evaluation values of named definitions ({@link Condition.Defined}); the schema allows at most 64. */
    private final Tri[] memo = new Tri[MAX_DEFINITIONS];

    public static final int MAX_DEFINITIONS = 64;

    private static final int FACT_COUNT = KnownFacts.BOOLEAN_FACTS.size();
    /** Whether every boolean fact has a bit in a long (the fact masks are used only then). */
    static final boolean MASKS = FACT_COUNT <= 64;

    private static final Participant[] NO_PEOPLE = new Participant[0];
    private static final int[] NO_POSITIONS = new int[0];

    public EvaluationContext(TriageInput input, Map<String, Boolean> flags) {
        TriageInput in = input == null
                ? new TriageInput(null, null, null, null, null, null, null, null, null)
                : input;
        Map<String, Boolean> given = in.facts();
        if (given != null) {
            Class<?> type = given.getClass();
            if (type == java.util.HashMap.class || type == java.util.LinkedHashMap.class) {
                // The same entries in the same order as entrySet() (these classes are not subclasses that
                // could override it), without an iterator; the casts are where the loop below has them.
                @SuppressWarnings({"unchecked", "rawtypes"})
                Map<Object, Object> raw = (Map) given;
                raw.forEach((key, value) -> {
                    int i = KnownFacts.indexOf((String) key);
                    if (i >= 0) {
                        setFact(i, (Boolean) value);
                    }
                });
            } else {
                for (Map.Entry<String, Boolean> e : given.entrySet()) {
                    int i = KnownFacts.indexOf(e.getKey());
                    if (i >= 0) {
                        setFact(i, e.getValue());
                    }
                }
            }
        }
        if (in.incidentTypes() != null) {
            for (IncidentType t : in.incidentTypes()) {
                if (t != null) {
                    incidentTypeMask |= 1L << t.ordinal();
                }
            }
        }
        this.sexualViolenceType = in.sexualViolenceType();
        this.victimWishes = in.victimWishes();
        this.people = NO_PEOPLE;
        this.positions = NO_POSITIONS;
        if (in.participants() != null) {
            int index = 0;
            for (Participant p : in.participants()) {
                if (p != null) {
                    if (count == people.length) {
                        people = java.util.Arrays.copyOf(people, Math.max(4, count * 2));
                        positions = java.util.Arrays.copyOf(positions, people.length);
                    }
                    people[count] = p;
                    positions[count] = index;
                    count++;
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
        return fact(KnownFacts.indexOf(name));
    }

    /** A client fact by its {@link KnownFacts#indexOf} position. */
    public Boolean fact(int index) {
        if (index < 0) {
            return null;
        }
        if (!MASKS) {
            return facts[index];
        }
        if (index >= FACT_COUNT) {
            throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + FACT_COUNT);
        }
        long bit = 1L << index;
        return (factTrue & bit) != 0 ? Boolean.TRUE : (factFalse & bit) != 0 ? Boolean.FALSE : null;
    }

    private void setFact(int index, Boolean value) {
        if (!MASKS) {
            facts[index] = value;
            return;
        }
        long bit = 1L << index;
        factTrue &= ~bit;
        factFalse &= ~bit;
        if (value != null) {
            if (value) {
                factTrue |= bit;
            } else {
                factFalse |= bit;
            }
        }
    }

    long factTrue() {
        return factTrue;
    }

    long factFalse() {
        return factFalse;
    }

    public Set<IncidentType> incidentTypes() {
        Set<IncidentType> types = incidentTypes;
        if (types == null) {
            EnumSet<IncidentType> set = EnumSet.noneOf(IncidentType.class);
            for (IncidentType t : IncidentType.values()) {
                if ((incidentTypeMask & (1L << t.ordinal())) != 0) {
                    set.add(t);
                }
            }
            types = set;
            incidentTypes = types;
        }
        return types;
    }

    long incidentTypeMask() {
        return incidentTypeMask;
    }

    public SexualViolenceType sexualViolenceType() {
        return sexualViolenceType;
    }

    public VictimWishes victimWishes() {
        return victimWishes;
    }

    public int participantCount() {
        return count;
    }

    public Participant participant(int i) {
        return people[Objects.checkIndex(i, count)];
    }

    /** A safe label for participant i: its ref when it looks like a pseudonym, else its position. */
    public String label(int i) {
        Objects.checkIndex(i, count);
        if (labels == null) {
            labels = new String[count];
        }
        String label = labels[i];
        if (label == null) {
            String ref = people[i].ref();
            label = isSafeRef(ref) ? ref : "#" + positions[i];
            labels[i] = label;
        }
        return label;
    }

    /** Age in years, or null when unknown or invalid (negative). */
    public Integer age(int i) {
        Integer age = participant(i).ageYears();
        return age != null && age >= 0 ? age : null;
    }

    /** "participant P2 (SENDER, aged 19)", using only the ref, role and age. */
    public String describe(int i) {
        Objects.checkIndex(i, count);
        if (descriptions == null) {
            descriptions = new String[count];
        }
        String d = descriptions[i];
        if (d == null) {
            Participant p = people[i];
            Integer age = age(i);
            String role = p.role() == null ? "role unknown" : p.role().name();
            d = "participant " + label(i) + " (" + role + (age == null ? ", age unknown" : ", aged " + age) + ")";
            descriptions[i] = d;
        }
        return d;
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
