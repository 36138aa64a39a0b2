package uk.dsltriage.rules;

import java.util.List;

/** A rule that matched, with a plain-English explanation naming only facts, roles, refs and ages. */
public record FiredRule(String id, String title, String explanation, List<Citation> citations) {

    public FiredRule {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
