package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.security.AccessScope;

/** The alerts sent and pending for the caller's school, newest first; every read is audited. */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final AuditLog audit;

    AlertService(AlertRepository alerts, AuditLog audit) {
        this.alerts = alerts;
        this.audit = audit;
    }

    public record Page(List<AlertSummary> alerts, Cursor next) {
    }

    @Transactional
    public Page list(AccessScope scope, Cursor after, int size) {
        List<Alert> rows = alerts.page(scope.schoolUrn(), after == null ? null : after.at(), after == null ? null : after.id(),
                size + 1);
        boolean more = rows.size() > size;
        List<Alert> page = more ? rows.subList(0, size) : rows;
        Alert last = more ? page.get(page.size() - 1) : null;
        audit.record(scope, AuditAction.ALERTS_LISTED, ObjectKind.ALERT, null);
        return new Page(page.stream().map(AlertSummary::of).toList(), last == null ? null : new Cursor(0, last.createdAt, last.id));
    }
}
