package uk.dsltriage.review.api;

import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;

/** Reads an If-Match header carrying an incident ETag ("7" or W/"7"). */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version named, or null when the header is absent. A value that is not one of our ETags matches nothing. */
    public static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            throw stale();
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    private static ProblemException stale() {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match does not match the incident's current ETag. Read it again.");
    }
}
