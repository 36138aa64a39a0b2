package uk.dsltriage.alerts;

/** Why the school's DSLs are asked to open the console. Stored by name: never rename a published constant. */
public enum AlertKind {
    /** A concern arrived at (or was raised to) IMMEDIATE or EMERGENCY_NOW. */
    URGENT_CONCERN("a concern needs you now", "A concern needs a DSL now."),
    /** A newer recommendation removed a route or lowered the urgency: a DSL must look again. */
    DOWNGRADE("a recommendation was downgraded", "A recommendation was downgraded and needs a DSL to look again."),
    /** A task passed its due time without being completed. */
    TASK_OVERDUE("a task is overdue", "A task is overdue.");

    private final String subjectText;
    private final String sentence;

    AlertKind(String subjectText, String sentence) {
        this.subjectText = subjectText;
        this.sentence = sentence;
    }

    public String subjectText() {
        return subjectText;
    }

    public String sentence() {
        return sentence;
    }
}
