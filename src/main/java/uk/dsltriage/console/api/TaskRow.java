package uk.dsltriage.console.api;

import java.time.Duration;
import java.time.Instant;
import uk.dsltriage.review.TaskKind;
import uk.dsltriage.review.TaskStatus;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.review.api.TaskView;
import uk.dsltriage.triage.RuleSetWords;

/**
 * One task as the tasks page shows it: the API's view, how long it has been overdue in words, what it is about (a
 * link), and whether the DSL can complete it here (a referral's acknowledgement is completed by the authority only).
 */
public record TaskRow(TaskView task, String overdueBy, String aboutPath, String aboutText, boolean completable,
        String urgencyLabel) {

    /** {@code words}: those of the rule set of the recommendation the task follows (its urgency's words). */
    static TaskRow of(TaskView task, Instant now, RuleSetWords words) {
        boolean referral = task.kind() == TaskKind.REFERRAL_ACKNOWLEDGEMENT && task.referralId() != null;
        String overdueBy = task.status() == TaskStatus.OVERDUE ? ConsoleDurations.words(Duration.between(task.dueAt(), now)) : null;
        return new TaskRow(task, overdueBy,
                referral ? ConsolePaths.referral(task.referralId()) : ConsolePaths.incident(task.incidentId()),
                referral ? "The referral" : task.kind() == TaskKind.SAFETY_PLAN_REVIEW ? "The concern the plan follows" : "The concern",
                task.kind() != TaskKind.REFERRAL_ACKNOWLEDGEMENT && task.status() != TaskStatus.DONE,
                task.urgency() == null ? "" : "Urgency: " + CodeLabel.of(task.urgency(), words).label());
    }

    public boolean overdue() {
        return overdueBy != null;
    }
}
