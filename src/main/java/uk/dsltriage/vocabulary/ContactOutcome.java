package uk.dsltriage.vocabulary;

/** A local authority's first decision on a contact (vocabulary: {@code contactOutcome}). */
public enum ContactOutcome {
    NFA,
    INFORMATION_AND_ADVICE,
    EARLY_HELP_REFERRAL,
    CIN_REFERRAL
}
