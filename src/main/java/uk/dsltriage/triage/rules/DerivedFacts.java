package uk.dsltriage.triage.rules;

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
 */
public final class DerivedFacts {

    public static final long NO_UPPER_BOUND = Long.MAX_VALUE;

    private final Tri adultInvolved;
    private final String adultReason;
    private final List<String> adultMissing = new ArrayList<>();

    private long ageGapLo;
    private long ageGapHi;
    private final List<String> ageGapMissing = new ArrayList<>();

    private final Tri anyUnder13InImage;
    private final String under13Reason;
    private final List<String> under13Missing = new ArrayList<>();

    private final Tri powerImbalance;
    private final String powerReason;
    private final List<String> powerMissing = new ArrayList<>();

    DerivedFacts(EvaluationContext c) {
        String[] reason = new String[1];
        adultInvolved = deriveAdult(c, reason);
        adultReason = reason[0];
        List<Integer> principals = principals(c);
        deriveAgeGap(c, principals);
        anyUnder13InImage = deriveUnder13(c, reason);
        under13Reason = reason[0];
        powerImbalance = derivePower(c, principals, reason);
        powerReason = reason[0];
    }

    public Tri tri(String name) {
        return switch (name) {
            case "adultInvolved" -> adultInvolved;
            case "anyUnder13InImage" -> anyUnder13InImage;
            case "powerImbalance" -> powerImbalance;
            default -> Tri.UNKNOWN;
        };
    }

    /** Why the derived boolean has its (known) value. */
    public String reason(String name) {
        return switch (name) {
            case "adultInvolved" -> adultReason;
            case "anyUnder13InImage" -> under13Reason;
            case "powerImbalance" -> powerReason;
            default -> "";
        };
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adultInvolved", adultInvolved.toBoolean());
        m.put("ageGap", ageGapLo == ageGapHi ? Integer.valueOf((int) ageGapLo) : null);
        m.put("anyUnder13InImage", anyUnder13InImage.toBoolean());
        m.put("powerImbalance", powerImbalance.toBoolean());
        return Collections.unmodifiableMap(m);
    }

    private Tri deriveAdult(EvaluationContext c, String[] reason) {
        int others = 0;
        for (int i = 0; i < c.participantCount(); i++) {
            Participant p = c.participant(i);
            if (p.role() == ParticipantRole.REPORTER) {
                continue;
            }
            others++;
            Integer age = c.age(i);
            if (age != null && age >= 18) {
                reason[0] = c.describe(i) + " is 18 or over";
                return Tri.TRUE;
            }
            if (age == null && Boolean.TRUE.equals(p.isStaffOrVolunteer())) {
                reason[0] = c.describe(i) + " is staff or a volunteer (presumed adult)";
                return Tri.TRUE;
            }
            if (age == null) {
                adultMissing.add(c.participantField(i, "ageYears"));
            }
        }
        if (others == 0) {
            adultMissing.add("participants");
        }
        if (!adultMissing.isEmpty()) {
            return Tri.UNKNOWN;
        }
        reason[0] = "every participant other than the reporter is under 18";
        return Tri.FALSE;
    }

    private static List<Integer> principals(EvaluationContext c) {
        List<Integer> victimsAndSubjects = new ArrayList<>();
        boolean victim = false;
        boolean subject = false;
        for (int i = 0; i < c.participantCount(); i++) {
            ParticipantRole role = c.participant(i).role();
            if (role == ParticipantRole.VICTIM || role == ParticipantRole.SUBJECT) {
                victimsAndSubjects.add(i);
                victim |= role == ParticipantRole.VICTIM;
                subject |= role == ParticipantRole.SUBJECT;
            }
        }
        if (victim && subject) {
            return victimsAndSubjects;
        }
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < c.participantCount(); i++) {
            Participant p = c.participant(i);
            Integer age = c.age(i);
            boolean bystander = p.role() == ParticipantRole.REPORTER || p.role() == ParticipantRole.WITNESS;
            if (!bystander && !Boolean.TRUE.equals(p.isStaffOrVolunteer()) && (age == null || age < 18)) {
                children.add(i);
            }
        }
        return children;
    }

    private void deriveAgeGap(EvaluationContext c, List<Integer> principals) {
        ageGapLo = 0;
        ageGapHi = NO_UPPER_BOUND;
        if (principals.size() < 2) {
            ageGapMissing.add("participants");
            return;
        }
        boolean pairMode = principals.stream().anyMatch(i -> c.participant(i).role() == ParticipantRole.VICTIM)
                && principals.stream().anyMatch(i -> c.participant(i).role() == ParticipantRole.SUBJECT);
        boolean anyUnknown = false;
        for (int i : principals) {
            if (c.age(i) == null) {
                anyUnknown = true;
                ageGapMissing.add(c.participantField(i, "ageYears"));
            }
        }
        long lo = 0;
        if (pairMode) {
            for (int v : principals) {
                for (int s : principals) {
                    if (c.participant(v).role() == ParticipantRole.VICTIM
                            && c.participant(s).role() == ParticipantRole.SUBJECT
                            && c.age(v) != null && c.age(s) != null) {
                        lo = Math.max(lo, Math.abs((long) c.age(v) - c.age(s)));
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

    private Tri deriveUnder13(EvaluationContext c, String[] reason) {
        if (c.participantCount() == 0) {
            under13Missing.add("participants");
            return Tri.UNKNOWN;
        }
        for (int i = 0; i < c.participantCount(); i++) {
            Integer age = c.age(i);
            if (Boolean.TRUE.equals(c.participant(i).depictedInImage()) && age != null && age < 13) {
                reason[0] = c.describe(i) + " is depicted and under 13";
                return Tri.TRUE;
            }
        }
        for (int i = 0; i < c.participantCount(); i++) {
            Integer age = c.age(i);
            Boolean depicted = c.participant(i).depictedInImage();
            if (Boolean.TRUE.equals(depicted) && age == null) {
                under13Missing.add(c.participantField(i, "ageYears"));
            } else if (depicted == null && (age == null || age < 13)) {
                under13Missing.add(c.participantField(i, "depictedInImage"));
                if (age == null) {
                    under13Missing.add(c.participantField(i, "ageYears"));
                }
            }
        }
        if (!under13Missing.isEmpty()) {
            return Tri.UNKNOWN;
        }
        reason[0] = "no participant depicted in the image is under 13";
        return Tri.FALSE;
    }

    private Tri derivePower(EvaluationContext c, List<Integer> principals, String[] reason) {
        List<String> sendMissing = new ArrayList<>();
        Tri send = Tri.FALSE;
        String sendReason = null;
        for (int i : principals) {
            Boolean hasSend = c.participant(i).hasSEND();
            if (Boolean.TRUE.equals(hasSend)) {
                send = Tri.TRUE;
                sendReason = c.describe(i) + " has SEND";
                break;
            }
            if (hasSend == null) {
                send = Tri.UNKNOWN;
                sendMissing.add(c.participantField(i, "hasSEND"));
            }
        }
        if (principals.isEmpty()) {
            send = Tri.UNKNOWN;
            sendMissing.add("participants");
        }
        Tri gap = new Comparison(Comparison.Op.GT, 2).evaluate(ageGapLo, ageGapHi);

        List<String> preMissing = new ArrayList<>();
        Tri mismatch;
        int yes = 0;
        int no = 0;
        for (int i : principals) {
            Boolean pre = c.participant(i).prepubescent();
            if (pre == null) {
                preMissing.add(c.participantField(i, "prepubescent"));
            } else if (pre) {
                yes++;
            } else {
                no++;
            }
        }
        if (yes > 0 && no > 0) {
            mismatch = Tri.TRUE;
        } else if (principals.size() < 2) {
            mismatch = Tri.UNKNOWN;
            preMissing.add("participants");
        } else {
            mismatch = preMissing.isEmpty() ? Tri.FALSE : Tri.UNKNOWN;
        }

        Tri result = send.or(gap).or(mismatch);
        if (result == Tri.TRUE) {
            reason[0] = send == Tri.TRUE ? sendReason
                    : gap == Tri.TRUE ? "the age gap between the children is more than 2 years (" + ageGapLo + ")"
                    : "one child is prepubescent and another is not";
        } else if (result == Tri.FALSE) {
            reason[0] = "no child has SEND, the age gap is " + ageGapLo + " and no prepubescent mismatch";
        } else {
            if (send == Tri.UNKNOWN) {
                powerMissing.addAll(sendMissing);
            }
            if (gap == Tri.UNKNOWN) {
                powerMissing.addAll(ageGapMissing);
            }
            if (mismatch == Tri.UNKNOWN) {
                powerMissing.addAll(preMissing);
            }
        }
        return result;
    }
}
