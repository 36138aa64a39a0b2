package uk.dsltriage.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The text of an alert email. It is built from the kind, the urgency, the time and an id alone, so it cannot carry
 * an account, a child's reference or a name: an email may sit in a shared or forwarded inbox, the console does not.
 */
public record AlertMessage(String subject, String body) {

    private static final DateTimeFormatter LONDON = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    public static AlertMessage of(AlertKind kind, Urgency urgency, RuleSetWords words, Instant at, UUID incidentId,
            String consoleBaseUrl) {
        return of(kind, 1, urgency, words, at, incidentId, consoleBaseUrl);
    }

    /**
     * {@code count} alerts of one kind in one email: only overdue tasks are ever grouped (the link is the task list).
     * The urgency reads in {@code words}, those of the rule set the alert's recommendation was made under.
     */
    public static AlertMessage of(AlertKind kind, int count, Urgency urgency, RuleSetWords words, Instant at, UUID incidentId,
            String consoleBaseUrl) {
        boolean tasks = kind == AlertKind.TASK_OVERDUE;
        String link = consoleBaseUrl + (tasks ? "/console/tasks" : "/console/incidents/" + incidentId);
        String what = tasks && count > 1 ? count + " tasks are overdue" : kind.subjectText();
        String sentence = tasks && count > 1 ? count + " tasks are overdue." : kind.sentence();
        String urgent = AlertWords.label(urgency, words);
        String subject = "dsl-triage: " + what + " (" + urgent + ")";
        String body = sentence + "\n\n"
                + "Urgency: " + urgent + (tasks && count > 1 ? ", the most urgent" : "")
                + "\n"
                + "When: " + LONDON.format(at) + " (UK time)\n\n"
                + "Open " + (tasks ? "your tasks" : "it") + " in the DSL console (you will be asked to sign in):\n"
                + link + "\n\n"
                + "This email holds no details of the concern on purpose. The details are in the console only.\n";
        return new AlertMessage(subject, body);
    }

    /** Renders the time as the email does, for pages and tests that show the same moment. */
    public static String londonTime(Instant at) {
        return LONDON.format(at);
    }
}
