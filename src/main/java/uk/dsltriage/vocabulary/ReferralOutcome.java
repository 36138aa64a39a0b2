package uk.dsltriage.vocabulary;

/** A local authority's decision on a children-in-need referral (vocabulary: {@code referralOutcome}). */
public enum ReferralOutcome {
    NFA,
    ADVICE_SIGNPOST,
    STEP_DOWN_TO_EARLY_HELP,
    ASSESSMENT_REQUIRED,
    STRATEGY_DISCUSSION_OR_S47,
    OTHER
}
