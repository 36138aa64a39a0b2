package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RuleSetWords;

/** The alerts sent and pending for the caller's school, newest first; every read is audited. */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final AlertWords words;
    private final AuditLog audit;

    AlertService(AlertRepository alerts, AlertWords words, AuditLog audit) {
        this.alerts = alerts;
        this.words = words;
        this.audit = audit;
    }

    /** Alerts, with the words of the rule set each one's recommendation was made under (by reference id). */
    public record Page(List<AlertSummary> alerts, Cursor next, Map<UUID, RuleSetWords> words) {

        public RuleSetWords wordsOf(AlertSummary alert) {
            return alert.referenceId() == null ? RuleSetWords.NONE : words.getOrDefault(alert.referenceId(), RuleSetWords.NONE);
        }
    }

    @Transactional
    public Page list(AccessScope scope, Cursor after, int size) {
        List<Alert> rows = alerts.page(scope.schoolUrn(), after == null ? null : after.at(), after == null ? null : after.id(),
                size + 1);
        boolean more = rows.size() > size;
        List<Alert> page = more ? rows.subList(0, size) : rows;
        Alert last = more ? page.get(page.size() - 1) : null;
        audit.record(scope, AuditAction.ALERTS_LISTED, ObjectKind.ALERT, null);
        return new Page(page.stream().map(AlertSummary::of).toList(), last == null ? null : new Cursor(0, last.createdAt, last.id),
                words.of(page.stream().map(a -> new AlertWords.Reference(a.kind, a.referenceId)).toList()));
    }
}
