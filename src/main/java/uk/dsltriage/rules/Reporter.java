package uk.dsltriage.rules;

/** Who reported the concern. */
public record Reporter(Boolean isTeacher, Boolean isDsl) {
}
