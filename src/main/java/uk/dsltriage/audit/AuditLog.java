package uk.dsltriage.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.MDC;
import uk.dsltriage.security.AccessScope;

/**
 * The one way to write an audit event. Services call {@link #record} inside the transaction of the change or read
 * it describes: the event is chained at commit and commits with it, or not at all. Refusals are recorded by {@link
 * RefusalAudit} alone, in their own transaction, because the request itself fails.
 */
@ApplicationScoped
public class AuditLog {

    static final int MAX_ACTOR = 600;
    static final int MAX_ROLES = 200;
    static final int MAX_OBJECT_ID = 64;
    static final int MAX_ENDPOINT = 200;

    private final ChainWriter chains;
    private final Clock clock;

    AuditLog(ChainWriter chains, Clock clock) {
        this.chains = chains;
        this.clock = clock;
    }

    /** Records that the caller did {@code action} to the object (both may be null for actions on no one record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AccessScope scope, AuditAction action, ObjectKind kind, Object objectId) {
        chains.enqueue(entry(scope.actor(), scope.roles(), scope.schoolUrn(), scope.laCode(), action, kind, objectId,
                AuditOutcome.SUCCESS, null));
    }

    /** A refusal, in a transaction of its own; only {@link RefusalAudit} calls this. */
    void refusal(String actor, Set<String> roles, String schoolUrn, String laCode, AuditAction action, ObjectKind kind,
            Object objectId, String endpoint) {
        AuditEntry event = entry(actor, roles, schoolUrn, laCode, action, kind, objectId, AuditOutcome.REFUSED, endpoint);
        QuarkusTransaction.requiringNew().run(() -> chains.enqueue(event));
    }

    private AuditEntry entry(String actor, Set<String> roles, String schoolUrn, String laCode, AuditAction action,
            ObjectKind kind, Object objectId, AuditOutcome outcome, String endpoint) {
        // Microseconds: what PostgreSQL keeps, so that the hash of a stored row can be recomputed.
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        return new AuditEntry(null, AuditChains.of(schoolUrn, laCode), 0, null, at,
                bounded(actor == null ? "anonymous" : actor, MAX_ACTOR),
                roles == null || roles.isEmpty() ? null : bounded(String.join(",", new TreeSet<>(roles)), MAX_ROLES),
                schoolUrn, laCode, action.name(), kind == null ? null : kind.name(),
                objectId == null ? null : bounded(objectId.toString(), MAX_OBJECT_ID), outcome.name(),
                endpoint == null ? null : bounded(endpoint, MAX_ENDPOINT), correlationId(), null);
    }

    private static String correlationId() {
        // Set by CorrelationId from a server-minted or strictly validated value only.
        Object id = MDC.get("correlationId");
        return id == null ? null : bounded(id.toString(), 64);
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
