package uk.dsltriage.console.api;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import uk.dsltriage.review.Labels;

/** Field and code names in words for a page: {@code childDepictedUnder18} is "Child depicted under 18". */
public final class CodeText {

    private CodeText() {
    }

    /** A camelCase field name as a label, keeping acronyms the labels know and any run of capitals (SEND). */
    static String ofField(String name) {
        String[] tokens = name.split("(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[A-Z])(?=[A-Z][a-z])");
        String[] words = Labels.of(String.join("_", tokens).toUpperCase(Locale.ROOT)).split(" ");
        for (int i = 0; i < words.length && i < tokens.length; i++) {
            if (tokens[i].length() > 1 && tokens[i].equals(tokens[i].toUpperCase(Locale.ROOT)) && !tokens[i].matches("[0-9]+")) {
                words[i] = tokens[i];
            }
        }
        return String.join(" ", words);
    }

    static String yesNo(Boolean value) {
        return value == null ? "not known" : value ? "Yes" : "No";
    }

    /** {@code {code.codeLabel}} in a template: a vocabulary code in words. */
    @TemplateExtension
    static String codeLabel(Enum<?> value) {
        return label(value);
    }

    static String label(Enum<?> value) {
        return value == null ? "not known" : Labels.of(value);
    }
}
