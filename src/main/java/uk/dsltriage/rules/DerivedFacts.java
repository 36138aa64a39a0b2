package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ParticipantRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts derived from the participants (threshold-guidance §9.1), each tri-state.
 *
 * <ul>
 * <li>{@code adultInvolved}: a participant other than the REPORTER aged 18+, or one who is staff or a
 * volunteer with no age given (presumed adult). Unknown while any other participant's age is unknown.</li>
 * <li>{@code ageGap}: when the incident names both VICTIM and SUBJECT participants, the largest
 * |victim age - subject age|; otherwise the spread (oldest - youngest) of the child participants
 * (not REPORTER or WITNESS, not staff, not known to be 18+). Unknown with fewer than two of them.
 * It is held as an interval so that "ageGap &gt; 2" is already true when the known ages differ by 3
 * even if another age is missing.</li>
 * <li>{@code anyUnder13InImage}: a participant depicted in the image is under 13; unknown when someone
 * depicted has no age, or someone who might be depicted is (or might be) under 13.</li>
 * <li>{@code powerImbalance}: among the same children as ageGap, any has SEND (R37 treats SEND of the
 * victim or subject as a power imbalance), or ageGap &gt; 2, or one is prepubescent and another is not.</li>
 * </ul>
 *
 * <p>Rule sets that declare the flag {@link #ADULT_BY_INVOLVED_ROLE} true derive {@code adultInvolved} as amended by
 * threshold-guidance.md section 14 A1: only a participant who is SUBJECT, IMAGE_CREATOR, SENDER, RECIPIENT or
 * REQUESTER, or who is depicted, counts; WITNESS and REPORTER never do; unknown when such a participant has no age
 * and is not a pupil of the setting. Rule sets that declare {@link #UNDER13_UNKNOWN_UNLESS_DEPICTED_LISTED} true
 * derive {@code anyUnder13InImage} as amended by A3: unknown when a child may be depicted but no participant is
 * (the children depicted are not participants with known ages). Without the flags (2025.1) nothing changes.
 *
 * <p>The values are computed when the context is built; the plain-English reasons only when an explanation
 * asks for them (most evaluations never do).
 */
public final class DerivedFacts {

    public static final long NO_UPPER_BOUND = Long.MAX_VALUE;

    /** Rule-set flag: derive adultInvolved by involved role (threshold-guidance.md section 14 A1). */
    public static final String ADULT_BY_INVOLVED_ROLE = "DERIVE_ADULT_INVOLVED_BY_INVOLVED_ROLE";
    /** Rule-set flag: anyUnder13InImage is unknown when no participant is depicted (section 14 A3). */
    public static final String UNDER13_UNKNOWN_UNLESS_DEPICTED_LISTED = "DERIVE_UNDER13_UNKNOWN_UNLESS_DEPICTED_LISTED";

    static final int ADULT = 0;
    static final int UNDER13 = 1;
    static final int POWER = 2;

    private static final Comparison GAP_OVER_2 = new Comparison(Comparison.Op.GT, 2);

    private final EvaluationContext c;

    private final Tri adultInvolved;
    /** Who made adultInvolved TRUE, and whether by age (else as presumed-adult staff). */
    private int adultWho = -1;
    private boolean adultByAge;
    private List<String> adultMissing = NONE;

    private long ageGapLo;
    private long ageGapHi;
    private List<String> ageGapMissing = NONE;

    private final Tri anyUnder13InImage;
    private int under13Who = -1;
    private List<String> under13Missing = NONE;

    private final Tri powerImbalance;
    /** For a TRUE powerImbalance: 0 SEND (sendWho), 1 age gap, 2 prepubescent mismatch. */
    private int powerCause;
    private int sendWho = -1;
    private List<String> powerMissing = NONE;

    /** The lists above stay this shared empty list until something is missing (most inputs miss nothing). */
    private static final List<String> NONE = List.of();

    private String adultReason;
    private String under13Reason;
    private String powerReason;
    private boolean adultReasonDone;
    private boolean under13ReasonDone;
    private boolean powerReasonDone;

    DerivedFacts(EvaluationContext c) {
        this.c = c;
        adultInvolved = deriveAdult(c.flag(ADULT_BY_INVOLVED_ROLE));
        int[] principals = principals(c);
        deriveAgeGap(principals);
        anyUnder13InImage = deriveUnder13();
        powerImbalance = derivePower(principals);
    }

    /** 0, 1 or 2 for the derived booleans, -1 for any other name (including null). */
    static int which(String name) {
        if (name == null) {
            return -1;
        }
        return switch (name) {
            case "adultInvolved" -> ADULT;
            case "anyUnder13InImage" -> UNDER13;
            case "powerImbalance" -> POWER;
            default -> -1;
        };
    }

    public Tri tri(String name) {
        return switch (name) {
            case "adultInvolved" -> adultInvolved;
            case "anyUnder13InImage" -> anyUnder13InImage;
            case "powerImbalance" -> powerImbalance;
            default -> Tri.UNKNOWN;
        };
    }

    Tri tri(int which) {
        return switch (which) {
            case ADULT -> adultInvolved;
            case UNDER13 -> anyUnder13InImage;
            case POWER -> powerImbalance;
            default -> Tri.UNKNOWN;
        };
    }

    /** Why the derived boolean has its (known) value. */
    public String reason(String name) {
        return switch (name) {
            case "adultInvolved" -> reason(ADULT);
            case "anyUnder13InImage" -> reason(UNDER13);
            case "powerImbalance" -> reason(POWER);
            default -> "";
        };
    }

    /**
     * The reason, built on first use. As when all three were derived in turn through one shared slot, an
     * unknown value has the previous one's reason (null for adultInvolved).
     */
    String reason(int which) {
        switch (which) {
            case ADULT:
                if (!adultReasonDone) {
                    if (adultInvolved == Tri.TRUE) {
                        adultReason = c.describe(adultWho)
                                + (adultByAge ? " is 18 or over" : " is staff or a volunteer (presumed adult)");
                    } else if (adultInvolved == Tri.FALSE) {
                        adultReason = c.flag(ADULT_BY_INVOLVED_ROLE)
                                ? "nobody who created, sent, received, requested or is depicted in an image is 18 or over"
                                : "every participant other than the reporter is under 18";
                    }
                    adultReasonDone = true;
                }
                return adultReason;
            case UNDER13:
                if (!under13ReasonDone) {
                    if (anyUnder13InImage == Tri.TRUE) {
                        under13Reason = c.describe(under13Who) + " is depicted and under 13";
                    } else if (anyUnder13InImage == Tri.FALSE) {
                        under13Reason = "no participant depicted in the image is under 13";
                    } else {
                        under13Reason = reason(ADULT);
                    }
                    under13ReasonDone = true;
                }
                return under13Reason;
            case POWER:
                if (!powerReasonDone) {
                    if (powerImbalance == Tri.TRUE) {
                        powerReason = powerCause == 0 ? c.describe(sendWho) + " has SEND"
                                : powerCause == 1
                                        ? "the age gap between the children is more than 2 years (" + ageGapLo + ")"
                                        : "one child is prepubescent and another is not";
                    } else if (powerImbalance == Tri.FALSE) {
                        powerReason = "no child has SEND, the age gap is " + ageGapLo
                                + " and no prepubescent mismatch";
                    } else {
                        powerReason = reason(UNDER13);
                    }
                    powerReasonDone = true;
                }
                return powerReason;
            default:
                return "";
        }
    }

    /** The inputs whose absence makes the derived fact unknown. */
    public List<String> missing(String name) {
        return switch (name) {
            case "adultInvolved" -> adultMissing;
            case "anyUnder13InImage" -> under13Missing;
            case "powerImbalance" -> powerMissing;
            case "ageGap" -> ageGapMissing;
            default -> List.of();
        };
    }

    public long ageGapLo() {
        return ageGapLo;
    }

    public long ageGapHi() {
        return ageGapHi;
    }

    /** For the recommendation: booleans and ageGap, null where unknown, in a stable order. */
    public Map<String, Object> asMap() {
        Integer ageGap = ageGapLo == ageGapHi ? Integer.valueOf((int) ageGapLo) : null;
        // The common combinations are immutable and shared; the map is built the same way either way.
        int gapKey = ageGap == null ? 0 : ageGap >= 0 && ageGap < MAPS_MAX_GAP ? ageGap + 1 : -1;
        if (gapKey < 0) {
            return map(adultInvolved, ageGap, anyUnder13InImage, powerImbalance);
        }
        int key = ((adultInvolved.ordinal() * 3 + anyUnder13InImage.ordinal()) * 3 + powerImbalance.ordinal())
                * (MAPS_MAX_GAP + 1) + gapKey;
        Map<String, Object> m = MAPS[key];
        if (m == null) {
            m = map(adultInvolved, ageGap, anyUnder13InImage, powerImbalance);
            MAPS[key] = m;
        }
        return m;
    }

    private static final int MAPS_MAX_GAP = 100;
    @SuppressWarnings("unchecked")
    private static final Map<String, Object>[] MAPS = new Map[27 * (MAPS_MAX_GAP + 1)];

    private static Map<String, Object> map(Tri adult, Integer ageGap, Tri under13, Tri power) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adultInvolved", adult.toBoolean());
        m.put("ageGap", ageGap);
        m.put("anyUnder13InImage", under13.toBoolean());
        m.put("powerImbalance", power.toBoolean());
        return Collections.unmodifiableMap(m);
    }

    /** The list with the item added: a new list in place of {@link #NONE}. */
    private static List<String> added(List<String> list, String item) {
        List<String> to = list == NONE ? new ArrayList<>() : list;
        to.add(item);
        return to;
    }

    private static boolean involvedRole(ParticipantRole role) {
        return role == ParticipantRole.SUBJECT || role == ParticipantRole.IMAGE_CREATOR
                || role == ParticipantRole.SENDER || role == ParticipantRole.RECIPIENT
                || role == ParticipantRole.REQUESTER;
    }

    /**
     * adultInvolved: any participant but the reporter (2025.1), or, by involved role (section 14 A1), only an
     * involved or depicted one, never a witness, and a pupil of the setting with no age is not taken to be missing.
     */
    private Tri deriveAdult(boolean byInvolvedRole) {
        int n = c.participantCount();
        int considered = 0;
        for (int i = 0; i < n; i++) {
            Participant p = c.participant(i);
            if (p.role() == ParticipantRole.REPORTER || (byInvolvedRole && p.role() == ParticipantRole.WITNESS)) {
                continue;
            }
            considered++;
            if (byInvolvedRole && !involvedRole(p.role()) && !Boolean.TRUE.equals(p.depictedInImage())) {
                continue;
            }
            Integer age = c.age(i);
            if (age != null && age >= 18) {
                adultWho = i;
                adultByAge = true;
                return Tri.TRUE;
            }
            if (age == null && Boolean.TRUE.equals(p.isStaffOrVolunteer())) {
                adultWho = i;
                adultByAge = false;
                return Tri.TRUE;
            }
            if (age == null && !(byInvolvedRole && Boolean.TRUE.equals(p.isPupilOfSetting()))) {
                adultMissing = added(adultMissing, c.participantField(i, "ageYears"));
            }
        }
        if (considered == 0) {
            adultMissing = added(adultMissing, "participants");
        }
        return adultMissing.isEmpty() ? Tri.FALSE : Tri.UNKNOWN;
    }

    private static int[] principals(EvaluationContext c) {
        int n = c.participantCount();
        int[] found = new int[n];
        int count = 0;
        boolean victim = false;
        boolean subject = false;
        for (int i = 0; i < n; i++) {
            ParticipantRole role = c.participant(i).role();
            if (role == ParticipantRole.VICTIM || role == ParticipantRole.SUBJECT) {
                found[count++] = i;
                victim |= role == ParticipantRole.VICTIM;
                subject |= role == ParticipantRole.SUBJECT;
            }
        }
        if (victim && subject) {
            return count == n ? found : java.util.Arrays.copyOf(found, count);
        }
        count = 0;
        for (int i = 0; i < n; i++) {
            Participant p = c.participant(i);
            Integer age = c.age(i);
            boolean bystander = p.role() == ParticipantRole.REPORTER || p.role() == ParticipantRole.WITNESS;
            if (!bystander && !Boolean.TRUE.equals(p.isStaffOrVolunteer()) && (age == null || age < 18)) {
                found[count++] = i;
            }
        }
        return count == n ? found : java.util.Arrays.copyOf(found, count);
    }

    private void deriveAgeGap(int[] principals) {
        ageGapLo = 0;
        ageGapHi = NO_UPPER_BOUND;
        if (principals.length < 2) {
            ageGapMissing = added(ageGapMissing, "participants");
            return;
        }
        boolean anyVictim = false;
        boolean anySubject = false;
        for (int i : principals) {
            ParticipantRole role = c.participant(i).role();
            anyVictim |= role == ParticipantRole.VICTIM;
            anySubject |= role == ParticipantRole.SUBJECT;
        }
        boolean pairMode = anyVictim && anySubject;
        boolean anyUnknown = false;
        for (int i : principals) {
            if (c.age(i) == null) {
                anyUnknown = true;
                ageGapMissing = added(ageGapMissing, c.participantField(i, "ageYears"));
            }
        }
        long lo = 0;
        if (pairMode) {
            for (int v : principals) {
                Integer vAge = c.age(v);
                if (c.participant(v).role() != ParticipantRole.VICTIM || vAge == null) {
                    continue;
                }
                for (int s : principals) {
                    Integer sAge = c.age(s);
                    if (c.participant(s).role() == ParticipantRole.SUBJECT && sAge != null) {
                        lo = Math.max(lo, Math.abs((long) vAge - sAge));
                    }
                }
            }
        } else {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i : principals) {
                Integer age = c.age(i);
                if (age != null) {
                    min = Math.min(min, age);
                    max = Math.max(max, age);
                }
            }
            lo = max >= min ? max - min : 0;
        }
        ageGapLo = lo;
        ageGapHi = anyUnknown ? NO_UPPER_BOUND : lo;
    }

    private Tri deriveUnder13() {
        int n = c.participantCount();
        if (n == 0) {
            under13Missing = added(under13Missing, "participants");
            return Tri.UNKNOWN;
        }
        for (int i = 0; i < n; i++) {
            Integer age = c.age(i);
            if (Boolean.TRUE.equals(c.participant(i).depictedInImage()) && age != null && age < 13) {
                under13Who = i;
                return Tri.TRUE;
            }
        }
        if (c.flag(UNDER13_UNKNOWN_UNLESS_DEPICTED_LISTED) && !anyDepicted(n)
                && !Boolean.FALSE.equals(c.fact("childDepictedUnder18"))) {
            under13Missing = added(under13Missing, "participants[].depictedInImage");
        }
        for (int i = 0; i < n; i++) {
            Integer age = c.age(i);
            Boolean depicted = c.participant(i).depictedInImage();
            if (Boolean.TRUE.equals(depicted) && age == null) {
                under13Missing = added(under13Missing, c.participantField(i, "ageYears"));
            } else if (depicted == null && (age == null || age < 13)) {
                under13Missing = added(under13Missing, c.participantField(i, "depictedInImage"));
                if (age == null) {
                    under13Missing = added(under13Missing, c.participantField(i, "ageYears"));
                }
            }
        }
        if (!under13Missing.isEmpty()) {
            return Tri.UNKNOWN;
        }
        return Tri.FALSE;
    }

    private boolean anyDepicted(int n) {
        for (int i = 0; i < n; i++) {
            if (Boolean.TRUE.equals(c.participant(i).depictedInImage())) {
                return true;
            }
        }
        return false;
    }

    private Tri derivePower(int[] principals) {
        Tri send = Tri.FALSE;
        for (int i : principals) {
            Boolean hasSend = c.participant(i).hasSEND();
            if (Boolean.TRUE.equals(hasSend)) {
                send = Tri.TRUE;
                sendWho = i;
                break;
            }
            if (hasSend == null) {
                send = Tri.UNKNOWN;
            }
        }
        if (principals.length == 0) {
            send = Tri.UNKNOWN;
        }
        Tri gap = GAP_OVER_2.evaluate(ageGapLo, ageGapHi);

        Tri mismatch;
        int yes = 0;
        int no = 0;
        boolean preUnknown = false;
        for (int i : principals) {
            Boolean pre = c.participant(i).prepubescent();
            if (pre == null) {
                preUnknown = true;
            } else if (pre) {
                yes++;
            } else {
                no++;
            }
        }
        if (yes > 0 && no > 0) {
            mismatch = Tri.TRUE;
        } else if (principals.length < 2) {
            mismatch = Tri.UNKNOWN;
        } else {
            mismatch = preUnknown ? Tri.UNKNOWN : Tri.FALSE;
        }

        Tri result = send.or(gap).or(mismatch);
        if (result == Tri.TRUE) {
            powerCause = send == Tri.TRUE ? 0 : gap == Tri.TRUE ? 1 : 2;
        } else if (result == Tri.UNKNOWN) {
            if (send == Tri.UNKNOWN) {
                // The same walk as above, naming each unknown hasSEND up to the first known SEND.
                for (int i : principals) {
                    Boolean hasSend = c.participant(i).hasSEND();
                    if (Boolean.TRUE.equals(hasSend)) {
                        break;
                    }
                    if (hasSend == null) {
                        powerMissing = added(powerMissing, c.participantField(i, "hasSEND"));
                    }
                }
                if (principals.length == 0) {
                    powerMissing = added(powerMissing, "participants");
                }
            }
            if (gap == Tri.UNKNOWN) {
                for (String m : ageGapMissing) {
                    powerMissing = added(powerMissing, m);
                }
            }
            if (mismatch == Tri.UNKNOWN) {
                for (int i : principals) {
                    if (c.participant(i).prepubescent() == null) {
                        powerMissing = added(powerMissing, c.participantField(i, "prepubescent"));
                    }
                }
                if (!(yes > 0 && no > 0) && principals.length < 2) {
                    powerMissing = added(powerMissing, "participants");
                }
            }
        }
        return result;
    }
}
