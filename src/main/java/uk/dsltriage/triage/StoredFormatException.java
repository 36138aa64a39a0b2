package uk.dsltriage.triage;

import uk.dsltriage.common.StoredRecordException;

/** Stored JSON that does not have the shape of its storage version: a defect or a damaged row, never a client error. */
public final class StoredFormatException extends StoredRecordException {

    public StoredFormatException(String message) {
        super(message);
    }
}
