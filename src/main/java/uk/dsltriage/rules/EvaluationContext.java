package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.VictimWishes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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

    /** The facts this context reads input facts by; positions index the bit words below. */
    private final FactCatalog catalog;
    /** Facts known true and known false, one bit per catalog position (as many words as the catalog needs). */
    private final long[] factTrue;
    private final long[] factFalse;
    /** The incident types given, built from {@link #incidentTypeBits} when a condition first asks for them. */
    private EnumSet<IncidentType> incidentTypes;
    /** The incident types given as a mask ({@link EnumMasks}). */
    private long incidentTypeBits;
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
    /** The rule set's texts built once ({@link CompiledRuleSet#noParticipantHas}); empty unless an engine sets them. */
    private Map<ParticipantCondition, String> noParticipantHas = java.util.Collections.emptyMap();
    /** Per-evaluation values of named definitions ({@link Condition.Defined}) by slot, and their reasons. */
    private Tri[] memo = NO_MEMO;
    private List<String>[] whyTrueMemo;
    private List<String>[] whyFalseMemo;

    private static final IncidentType[] INCIDENT_TYPES = IncidentType.values();
    private static final Tri[] NO_MEMO = new Tri[0];
    private static final Participant[] NO_PEOPLE = new Participant[0];
    private static final int[] NO_POSITIONS = new int[0];

    public EvaluationContext(TriageInput input, Map<String, Boolean> flags) {
        this(input, flags, KnownFacts.CATALOG);
    }

    public EvaluationContext(TriageInput input, Map<String, Boolean> flags, FactCatalog catalog) {
        this.catalog = catalog;
        this.factTrue = new long[catalog.words()];
        this.factFalse = new long[catalog.words()];
        TriageInput in = input == null
                ? new TriageInput(null, null, null, null, null, null, null, null, null)
                : input;
        Map<String, Boolean> given = in.facts();
        if (given != null) {
            catalog.read(given, factTrue, factFalse);
        }
        if (in.incidentTypes() != null) {
            for (IncidentType t : in.incidentTypes()) {
                if (t != null) {
                    incidentTypeBits |= EnumMasks.bit(t);
                }
            }
        }
        this.sexualViolenceType = in.sexualViolenceType();
        this.victimWishes = in.victimWishes();
        this.people = NO_PEOPLE;
        this.positions = NO_POSITIONS;
        if (in.participants() != null && !in.participants().isEmpty()) {
            people = new Participant[in.participants().size()];
            positions = new int[people.length];
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
        return fact(catalog.indexOf(name));
    }

    /** A client fact by its {@link FactCatalog#indexOf} position; -1 reads as unknown. */
    public Boolean fact(int index) {
        if (index < 0) {
            return null;
        }
        Objects.checkIndex(index, catalog.size());
        int word = index >>> 6;
        long bit = 1L << index;
        return (factTrue[word] & bit) != 0 ? Boolean.TRUE : (factFalse[word] & bit) != 0 ? Boolean.FALSE : null;
    }

    /** True when every fact marked in {@code whenTrue} is known true and every one in {@code whenFalse} known false. */
    boolean allFacts(long[] whenTrue, long[] whenFalse) {
        for (int w = 0; w < factTrue.length; w++) {
            if ((factTrue[w] & whenTrue[w]) != whenTrue[w] || (factFalse[w] & whenFalse[w]) != whenFalse[w]) {
                return false;
            }
        }
        return true;
    }

    long factTrueWord(int w) {
        return factTrue[w];
    }

    long factFalseWord(int w) {
        return factFalse[w];
    }

    long incidentTypeBits() {
        return incidentTypeBits;
    }

    /**
     * The sexual-violence type, victim's wishes, reporter and attestation as one word (below bit 32), equal for two
     * inputs exactly when every condition on them has the same value and reasons ({@link PlainInputs}).
     */
    long plainEnumKey() {
        long key = sexualViolenceType == null ? 0 : sexualViolenceType.ordinal() + 1;
        key |= (long) (victimWishes == null ? 0 : victimWishes.ordinal() + 1) << 8;
        if (reporter != null) {
            key |= (long) tri(reporter.isDsl()) << 16 | (long) tri(reporter.isTeacher()) << 18;
        }
        return key | (attestation != null && attestation.allConfirmed() ? 1L << 20 : 0);
    }

    private static int tri(Boolean b) {
        return b == null ? 0 : b ? 1 : 2;
    }

    /** At least one incident type given, and none of those in the mask ({@link EnumMasks}). */
    boolean incidentTypesNoneOf(long mask) {
        return incidentTypeBits != 0 && (incidentTypeBits & mask) == 0;
    }

    /** A sexual-violence type given, and not one of those in the mask ({@link EnumMasks}). */
    boolean sexualViolenceTypeNotOneOf(long mask) {
        return sexualViolenceType != null && (EnumMasks.bit(sexualViolenceType) & mask) == 0;
    }

    /** "fact is value", built once per catalog. */
    String factStatement(int index, String fact, boolean value) {
        return catalog.statement(index, fact, value);
    }

    public Set<IncidentType> incidentTypes() {
        if (incidentTypes == null) {
            incidentTypes = EnumSet.noneOf(IncidentType.class);
            for (long rest = incidentTypeBits; rest != 0; rest &= rest - 1) {
                incidentTypes.add(INCIDENT_TYPES[Long.numberOfTrailingZeros(rest)]);
            }
        }
        return incidentTypes;
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

    void prerendered(Map<ParticipantCondition, String> noParticipantHas) {
        this.noParticipantHas = noParticipantHas;
    }

    /** "no participant has (description)": the rule set's text when it has one, else built now. */
    String noParticipantHas(ParticipantCondition condition) {
        String text = noParticipantHas.get(condition);
        return text != null ? text : CompiledRuleSet.noParticipantHas(condition);
    }

    public DerivedFacts derived() {
        return derived;
    }

    Tri memo(int slot) {
        return slot < memo.length ? memo[slot] : null;
    }

    void memo(int slot, Tri value) {
        if (slot >= memo.length) {
            memo = Arrays.copyOf(memo, Math.max(Math.max(slot + 1, 16), memo.length * 2));
        }
        memo[slot] = value;
    }

    /** The reasons a definition gave for being true (or false) in this evaluation, or null before it gave any. */
    List<String> memoReasons(int slot, boolean whyTrue) {
        List<String>[] reasons = whyTrue ? whyTrueMemo : whyFalseMemo;
        return reasons != null && slot < reasons.length ? reasons[slot] : null;
    }

    @SuppressWarnings("unchecked")
    void memoReasons(int slot, boolean whyTrue, List<String> value) {
        List<String>[] reasons = whyTrue ? whyTrueMemo : whyFalseMemo;
        if (reasons == null || slot >= reasons.length) {
            reasons = reasons == null ? new List[Math.max(16, slot + 1)]
                    : Arrays.copyOf(reasons, Math.max(slot + 1, reasons.length * 2));
            if (whyTrue) {
                whyTrueMemo = reasons;
            } else {
                whyFalseMemo = reasons;
            }
        }
        reasons[slot] = value;
    }
}
