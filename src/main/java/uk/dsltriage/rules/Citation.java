package uk.dsltriage.rules;

/**
 * A source that backs a rule, labelled statutory or not. {@code edition} names the edition cited (KCSIE 2026, WT
 * 2023, ...) and {@code confidence} how firmly the line rests on the text: V verified, K known text not re-read, S
 * secondary source. Both are null in rule sets that predate them (2025.1).
 */
public record Citation(String source, String section, CitationStatus status, String edition, String confidence) {

    public Citation(String source, String section, CitationStatus status) {
        this(source, section, status, null, null);
    }
}
