package uk.dsltriage.common;

/** Recognises which database constraint a persistence failure came from, without reading its message text. */
public final class ConstraintNames {

    private ConstraintNames() {
    }

    public static boolean violated(Throwable failure, String constraintName) {
        for (Throwable t : FailureChain.of(failure)) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraintName.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
