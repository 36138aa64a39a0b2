package uk.dsltriage.common;

/**
 * A stored JSON value that does not have the shape of its storage version: a defect or a damaged row, never a client
 * error (it is answered as an internal error). The message names the column and the field path, never a stored value.
 */
public class StoredRecordException extends RuntimeException {

    public StoredRecordException(String message) {
        super(message);
    }
}
