package uk.dsltriage.rules.codec;

/** A rule set file could not be loaded; the message names the file and the JSON path. */
public final class RuleSetLoadException extends RuntimeException {

    public RuleSetLoadException(String message) {
        super(message);
    }

    public RuleSetLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
