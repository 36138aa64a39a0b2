package uk.dsltriage.rules;

/** Three-valued (Kleene) logic: unknown is never read as false. */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(Boolean b) {
        return b == null ? UNKNOWN : (b ? TRUE : FALSE);
    }

    public static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    public Tri and(Tri other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public Tri or(Tri other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    /** The value as a nullable Boolean (unknown is null). */
    public Boolean toBoolean() {
        return this == UNKNOWN ? null : this == TRUE;
    }
}
