package uk.dsltriage.rules;

/**
 * Why an evaluation failed closed, as a value: a code and a message naming at most a rule id. Never an exception's
 * class or message, never an input value.
 */
public record EvaluationError(Code code, String message) {

    public enum Code {
        /** No rule set was given to evaluate. */
        NO_RULE_SET,
        /** The input could not be read (a malformed collection or map); it was evaluated as if empty. */
        INPUT_UNREADABLE,
        /** One rule or conflict could not be evaluated; the others were. */
        RULE_FAILED,
        /** The evaluation as a whole failed. */
        EVALUATION_FAILED
    }

    /** "CODE: message", as results show it. */
    public String text() {
        return code + ": " + message;
    }
}
