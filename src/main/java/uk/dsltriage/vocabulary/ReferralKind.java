package uk.dsltriage.vocabulary;

/** What a referral to a local authority asks for (vocabulary: referral {@code kind}). */
public enum ReferralKind {
    CSC_S47,
    CSC_S17,
    LADO,
    EARLY_HELP,
    FAMILY_HELP
}
