package uk.dsltriage.rules;

/** What a rule does when its condition is unknown (neither true nor false). */
public enum UnknownPolicy {
    /** Prompt: list the missing facts, require a DSL decision and withhold internal handling. */
    ASK,
    /** Precaution: fire as if true (for protective rules such as "do not view"). */
    FIRE,
    /** Do nothing (for rules that only offer options). */
    IGNORE
}
