package uk.dsltriage.rules;

/** A rule set refused when it was built: the message names the rule and the part of it at fault. */
public final class InvalidRuleSetException extends IllegalArgumentException {

    public InvalidRuleSetException(String message) {
        super(message);
    }
}
