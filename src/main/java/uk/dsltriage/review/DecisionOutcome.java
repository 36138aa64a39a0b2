package uk.dsltriage.review;

/** What the DSL decided (vocabulary.md, "Decisions"). */
public enum DecisionOutcome {
    REFERRED,
    EARLY_HELP,
    FAMILY_HELP,
    MANAGED_INTERNALLY,
    NO_FURTHER_ACTION;

    /** Decisions that refer nobody outside the school: first-class, with reasons and a review-by date. */
    public boolean refersNobody() {
        return this == MANAGED_INTERNALLY || this == NO_FURTHER_ACTION;
    }
}
