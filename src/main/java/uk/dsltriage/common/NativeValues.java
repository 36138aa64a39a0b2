package uk.dsltriage.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows, whose Java type depends on the driver and the column type. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
