package uk.dsltriage.vocabulary;

/** Why parents or carers were not told of a referral: the allowed reasons of a multi-agency referral form. */
public enum ParentsNotInformedReason {
    WOULD_INCREASE_RISK,
    WOULD_PUT_OTHERS_AT_RISK,
    WOULD_OBSTRUCT_POLICE_INVESTIGATION,
    WOULD_CAUSE_UNDUE_DELAY
}
