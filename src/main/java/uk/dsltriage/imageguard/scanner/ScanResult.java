package uk.dsltriage.imageguard.scanner;

import java.util.Objects;

/**
 * Outcome of {@link ImageContentScanner#scan(byte[])}.
 *
 * <p>No variant ever carries any part of the scanned content: {@link Refused} names only the JSON field path
 * (with any field name that is not a plain identifier replaced by a marker) and a coarse reason.
 */
public sealed interface ScanResult permits ScanResult.Clean, ScanResult.Refused, ScanResult.Malformed {

    /** Nothing image-like, encoded, binary or URL-like was found. */
    record Clean() implements ScanResult {}

    /**
     * The body must not be stored.
     *
     * @param fieldPath path of the offending value, e.g. {@code account}, {@code participants[1].ref}, {@code $}
     *                  for the root, or {@code participants[0].<field name>} when a field NAME was the problem
     * @param reason    what kind of finding it was (first finding only)
     */
    record Refused(String fieldPath, RefusalReason reason) implements ScanResult {
        public Refused {
            Objects.requireNonNull(fieldPath, "fieldPath");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The body is not a single well-formed JSON value within the scanner's limits (see {@link ScannerPolicy}). */
    record Malformed() implements ScanResult {}

    /** @return true only for {@link Clean} */
    default boolean isClean() {
        return this instanceof Clean;
    }
}
