package uk.dsltriage.triage.rules;

/** Who reported the concern. */
public record Reporter(Boolean isTeacher, Boolean isDsl) {
}
