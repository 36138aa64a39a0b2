package uk.dsltriage.console.api;

import io.quarkus.qute.TemplateExtension;
import uk.dsltriage.rules.Citation;
import uk.dsltriage.rules.CitationStatus;

/** A citation's confidence mark and status in words, so a mark is never shown as a bare letter. */
@TemplateExtension
public final class CitationMarks {

    private CitationMarks() {
    }

    /** {@code {citation.markMeaning}}. */
    public static String markMeaning(Citation citation) {
        if (citation.confidence() == null) {
            return "no confidence mark (this rule set predates them)";
        }
        return switch (citation.confidence()) {
            case "V" -> "verified: checked against the text of the source";
            case "K" -> "known text: the source's wording is known but was not re-read for this edition";
            case "S" -> "secondary source: taken from a summary, not the source itself";
            default -> "an unrecognised mark";
        };
    }

    /** {@code {citation.statusLabel}}. */
    public static String statusLabel(Citation citation) {
        return citation.status() == CitationStatus.STATUTORY ? "statutory" : "non-statutory advice";
    }
}
