package uk.dsltriage.console.api;

import java.util.Map;

/**
 * One-line confirmations carried over a redirect as a code ({@code ?flash=decision-recorded}), never as text: a
 * page never reflects what the query string says.
 */
public final class Flash {

    public static final String DECISION_RECORDED = "decision-recorded";
    public static final String TASK_COMPLETED = "task-completed";
    public static final String CONCERN_RECORDED = "concern-recorded";
    public static final String REVIEW_STARTED = "review-started";
    public static final String CONCERN_RECORDED_URGENT = "concern-recorded-urgent";

    private static final Map<String, String> MESSAGES = Map.of(
            DECISION_RECORDED, "Decision recorded",
            TASK_COMPLETED, "Task completed",
            CONCERN_RECORDED, "Concern recorded",
            REVIEW_STARTED, "Review started",
            CONCERN_RECORDED_URGENT, "Concern recorded. It needs action now: the designated safeguarding lead has been"
                    + " alerted. Tell them in person too. If a child is in immediate danger, call 999.");

    private Flash() {
    }

    /** The message for a code, or null for none or an unknown code. */
    public static String message(String code) {
        return code == null ? null : MESSAGES.get(code);
    }

    /** {@code path?flash=code}, for a 303 after a form. */
    public static String after(String path, String code) {
        return path + (path.contains("?") ? "&" : "?") + "flash=" + code;
    }
}
