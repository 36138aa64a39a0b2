package uk.dsltriage.rules;

import java.util.List;

/** One row of the decision table, as data. {@code enabledByFlag} null means always enabled. */
public record Rule(String id, String title, Condition condition, UnknownPolicy onUnknown, Outcome outcome,
        List<ConditionalOutcome> also, List<Citation> citations, String explanation, String enabledByFlag) {

    public Rule {
        also = also == null ? List.of() : List.copyOf(also);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
