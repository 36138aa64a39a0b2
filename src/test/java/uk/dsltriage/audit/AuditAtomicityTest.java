package uk.dsltriage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.security.AccessScope;

/** A change and its audit event commit together: an event that cannot be written takes the change down with it. */
@QuarkusTest
class AuditAtomicityTest {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Test
    void aChangeWhoseEventCannotBeWrittenDoesNotCommit() {
        String marker = "atomicity:" + UUID.randomUUID().toString().substring(0, 8);
        // A school URN longer than its column: the event fails when it is linked, at commit.
        AccessScope scope = new AccessScope("http://issuer", "someone", "12345678", null, Set.of("dsl"));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into audit_chain_head (chain, seq, hash) values (?1, 0, ?2)")
                    .setParameter(1, marker).setParameter(2, AuditEntry.GENESIS).executeUpdate();
            audit.record(scope, AuditAction.INCIDENT_READ, ObjectKind.INCIDENT, UUID.randomUUID());
        }));
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_chain_head where chain = ?1").setParameter(1, marker).getSingleResult()).longValue());
        assertEquals(0, rows, "the change rolled back with its event");
    }

    @Test
    void anEventIsOnlyWrittenInsideTheTransactionOfWhatItDescribes() {
        AccessScope scope = new AccessScope("http://issuer", "someone", "100001", null, Set.of("dsl"));
        assertThrows(TransactionalException.class,
                () -> audit.record(scope, AuditAction.INCIDENT_READ, ObjectKind.INCIDENT, UUID.randomUUID()));
    }
}
