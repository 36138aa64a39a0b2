package uk.dsltriage.vocabulary;

/** How soon to act, declared highest first: a lower ordinal is more urgent. */
public enum Urgency {
    EMERGENCY_NOW,
    IMMEDIATE,
    SAME_DAY,
    WITHIN_1_WORKING_DAY,
    BY_CLOSE_NEXT_WORKING_DAY,
    WITHIN_5_DAYS,
    REVIEW;

    public boolean isAtLeast(Urgency other) {
        return other == null || ordinal() <= other.ordinal();
    }

    public static Urgency highest(Urgency a, Urgency b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
