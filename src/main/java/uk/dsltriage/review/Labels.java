package uk.dsltriage.review;

import java.util.Locale;
import java.util.Set;

/**
 * Readable labels for vocabulary codes ("CSC_REFERRAL_S47" is "CSC referral s47"), derived so that a value added to
 * the vocabulary is labelled too.
 */
public final class Labels {

    private static final Set<String> ACRONYMS = Set.of("CSC", "S47", "S17", "LADO", "DBS", "TRA", "IWF", "CEOP", "NRM",
            "FGM", "LA", "CME", "CP", "DSL", "AI", "UKCIS", "CSE", "CCE", "HBA", "IIOC", "NFA", "999", "CIN", "ICPC", "CAMHS", "NSPCC", "AIM");

    /** Names that are not built from the words of the code. */
    private static final java.util.Map<String, String> NAMES = java.util.Map.of("MARIE_COLLINS_FOUNDATION", "Marie Collins Foundation");

    private Labels() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : of(value.name());
    }

    public static String of(String code) {
        if (code == null) {
            return null;
        }
        if (NAMES.containsKey(code)) {
            return NAMES.get(code);
        }
        String[] words = code.split("_");
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i > 0) {
                label.append(' ');
            }
            if (ACRONYMS.contains(word)) {
                label.append(word);
            } else if (i == 0) {
                label.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            } else {
                label.append(word.toLowerCase(Locale.ROOT));
            }
        }
        return label.toString();
    }
}
