package uk.dsltriage.rules;

/** An addition to a fired rule's outcome that applies only when {@code when} also holds ("+ 999 if imminent"). */
public record ConditionalOutcome(Condition when, UnknownPolicy onUnknown, Outcome outcome, String explanation) {
}
