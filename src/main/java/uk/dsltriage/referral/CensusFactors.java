package uk.dsltriage.referral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * Children-in-need census "factors identified" codes (referrals.md §3.3): suggested from the incident types, editable
 * by the DSL, and validated as the DfE census validator does (rules 8869, 8898, 8945Q/8950Q).
 */
public final class CensusFactors {

    public static final Set<String> CODES = Set.of(
            "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
            "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
            "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A");
    private static final Set<String> LEGACY = Set.of("18A", "19A");
    private static final String NO_FACTORS = "21";

    private CensusFactors() {
    }

    /**
     * Codes that follow from the incident types without guessing. Physical and sexual abuse split by whether an adult
     * is involved (B child-on-child, C adult-on-child) and are left out when that is unknown; ambiguous types (for
     * example domestic abuse: child as subject or in the household?) are left to the DSL.
     */
    public static List<String> suggest(Set<IncidentType> types, Boolean adultInvolved) {
        Set<String> codes = new LinkedHashSet<>();
        for (IncidentType type : types) {
            switch (type) {
                case CSE -> codes.add("11A");
                case CCE -> codes.add("24A");
                case FGM -> codes.add("22A");
                case SELF_HARM -> codes.add("15A");
                case NEGLECT -> codes.add("16A");
                case EMOTIONAL_ABUSE -> codes.add("17A");
                case PHYSICAL_ABUSE -> byAdult(codes, adultInvolved, "18B", "18C");
                case SEXUAL_VIOLENCE, SEXUAL_ABUSE_INTRAFAMILIAL, ONLINE_GROOMING, SEXTORTION ->
                        byAdult(codes, adultInvolved, "19B", "19C");
                case FORCED_MARRIAGE, HBA, RADICALISATION -> codes.add("20");
                default -> {
                }
            }
        }
        return List.copyOf(codes);
    }

    private static void byAdult(Set<String> codes, Boolean adultInvolved, String childOnChild, String adultOnChild) {
        if (adultInvolved != null) {
            codes.add(adultInvolved ? adultOnChild : childOnChild);
        }
    }

    /** Field errors for {@code field}; empty when the list is valid. Never echoes a submitted value. */
    public static List<Problem.FieldError> validate(String field, List<String> codes) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            if (code == null || !(CODES.contains(code) || LEGACY.contains(code))) {
                errors.add(new Problem.FieldError(at, "must be a children-in-need census factor code (for example 11A, 19B, 21)"));
            } else if (LEGACY.contains(code)) {
                errors.add(new Problem.FieldError(at, "18A and 19A are no longer used: use B (child-on-child) or C (adult-on-child)"));
            } else if (!seen.add(code)) {
                errors.add(new Problem.FieldError(at, "the same factor is listed twice"));
            }
        }
        if (seen.contains(NO_FACTORS) && codes.size() > 1) {
            errors.add(new Problem.FieldError(field, "21 (no factors identified) cannot be combined with other factors"));
        }
        return errors;
    }
}
