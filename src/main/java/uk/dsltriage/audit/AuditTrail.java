package uk.dsltriage.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import uk.dsltriage.security.AccessScope;

/**
 * Reading and checking the caller's chain (their school's or local authority's): search, a record's access log,
 * verification and export. Each of these is itself audited.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_PAGE = 200;

    private final AuditStore store;
    private final AuditLog audit;

    AuditTrail(AuditStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public static String chainOf(AccessScope scope) {
        return AuditChains.of(scope.schoolUrn(), scope.laCode());
    }

    public record Page(List<AuditEntry> items, Long nextBeforeId) {
    }

    @Transactional
    public Page search(AccessScope scope, AuditQuery query, Long beforeId, int limit) {
        audit.record(scope, AuditAction.AUDIT_SEARCHED, ObjectKind.AUDIT_CHAIN, null);
        List<AuditEntry> rows = store.search(chainOf(scope), query, beforeId, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEntry> items = more ? rows.subList(0, limit) : rows;
        return new Page(List.copyOf(items), more ? items.get(items.size() - 1).id() : null);
    }

    /** Who read or changed an incident, oldest first; empty when the incident was never recorded in this chain. */
    @Transactional
    public List<AuditEntry> accessLog(AccessScope scope, String incidentId) {
        String chain = chainOf(scope);
        if (!store.exists(chain, AuditAction.INCIDENT_RECORDED, ObjectKind.INCIDENT, incidentId)) {
            return List.of();
        }
        List<AuditEntry> events = store.about(chain, ObjectKind.INCIDENT, incidentId);
        audit.record(scope, AuditAction.ACCESS_LOG_READ, ObjectKind.INCIDENT, incidentId);
        return events;
    }

    /**
     * Recomputes the chain's events between two times (both optional): from the first event at or after {@code
     * from} to the last at or before {@code to}. Without {@code to} the chain's end is checked against its head too,
     * so a deletion of the last events is reported.
     */
    public Verification verify(AccessScope scope, Instant from, Instant to) {
        Verification result = verify(chainOf(scope), from, to);
        QuarkusTransaction.requiringNew().run(() -> audit.record(scope, AuditAction.AUDIT_VERIFIED, ObjectKind.AUDIT_CHAIN, null));
        return result;
    }

    Verification verify(String chain, Instant from, Instant to) {
        long first = from == null ? 1 : orElse(store.firstSeqFrom(chain, from), Long.MAX_VALUE);
        long last = to == null ? Long.MAX_VALUE : orElse(store.lastSeqTo(chain, to), 0L);
        String prev = first <= 1 ? AuditEntry.GENESIS : previousHash(chain, first);
        ChainVerifier verifier = new ChainVerifier(Math.max(first, 1), prev);
        if (first <= last) {
            store.stream(chain, first, last, verifier::accept);
        }
        if (to == null && first != Long.MAX_VALUE) {
            AuditStore.ChainHead head = store.head(chain);
            verifier.end(head.seq(), head.hash(), head.lastEventId());
        }
        return verifier.result(chain);
    }

    /** Streams the caller's whole chain in order, for an export; the export is audited before it starts. */
    public void export(AccessScope scope, Consumer<AuditEntry> each) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(scope, AuditAction.AUDIT_EXPORTED, ObjectKind.AUDIT_CHAIN, null));
        store.stream(chainOf(scope), 1, Long.MAX_VALUE, each);
    }

    private String previousHash(String chain, long seq) {
        String[] hash = {null};
        store.stream(chain, seq - 1, seq - 1, e -> hash[0] = e.hash());
        return hash[0];
    }

    private static long orElse(Long value, long fallback) {
        return value == null ? fallback : value;
    }
}
