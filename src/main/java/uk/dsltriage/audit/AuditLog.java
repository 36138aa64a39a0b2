package uk.dsltriage.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.MDC;
import uk.dsltriage.security.AccessScope;

/**
 * Writes audit events. Changes and reads are audited inside the caller's transaction, so a record and its audit
 * entry commit or fail together; refusals are audited in their own transaction because the request itself fails.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final Clock clock;

    public AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AccessScope scope, AuditAction action, String objectType, Object objectId) {
        persist(scope.userId(), scope.schoolUrn(), scope.laCode(), action, objectType, objectId, "SUCCESS", null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refusal(String actor, String schoolUrn, String laCode, AuditAction action, String endpoint) {
        persist(actor, schoolUrn, laCode, action, null, null, "REFUSED", endpoint);
    }

    private void persist(String actor, String schoolUrn, String laCode, AuditAction action, String objectType,
            Object objectId, String outcome, String endpoint) {
        AuditEvent event = new AuditEvent();
        event.at = Instant.now(clock);
        event.actor = actor == null ? "anonymous" : actor;
        event.schoolUrn = schoolUrn;
        event.laCode = laCode;
        event.action = action.name();
        event.objectType = objectType;
        event.objectId = objectId == null ? null : objectId.toString();
        event.outcome = outcome;
        event.endpoint = endpoint;
        Object correlation = MDC.get("correlationId");
        event.correlationId = correlation == null ? null : correlation.toString();
        em.persist(event);
    }
}
