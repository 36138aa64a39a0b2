package uk.dsltriage.review;

/** The allowed reasons for not informing parents or carers (referrals.md section 3.1). */
public enum ParentsNotInformedReason {
    WOULD_INCREASE_RISK,
    WOULD_PUT_OTHERS_AT_RISK,
    WOULD_OBSTRUCT_POLICE_INVESTIGATION,
    WOULD_CAUSE_UNDUE_DELAY
}
