package uk.dsltriage.rules;

/** A source that backs a rule, labelled statutory or not. */
public record Citation(String source, String section, CitationStatus status) {
}
