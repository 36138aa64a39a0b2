package uk.dsltriage.triage;

/** Stored JSON that does not have the shape of its storage version: a defect or a damaged row, never a client error. */
public final class StoredFormatException extends RuntimeException {

    public StoredFormatException(String message) {
        super(message);
    }

    public StoredFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
