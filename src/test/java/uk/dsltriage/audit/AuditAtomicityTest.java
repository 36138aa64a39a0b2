package uk.dsltriage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.problem.DatabaseUnavailable;
import uk.dsltriage.security.AccessScope;

/** A change and its audit event commit together: an event that cannot be written takes the change down with it. */
@QuarkusTest
class AuditAtomicityTest {

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

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

    /**
     * The connection is lost between the change and its commit (the database stopped): the event's write fails inside
     * the transaction manager's before-completion step. It must read as the database being unavailable (503), not as a
     * fault of the service (500).
     */
    @Test
    void aConnectionLostBeforeTheEventIsWrittenReadsAsTheDatabaseBeingUnavailable() {
        AccessScope scope = new AccessScope("http://issuer", "someone", "100001", null, Set.of("dsl"));
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            int backend = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
            QuarkusTransaction.suspendingExisting().run(() -> terminate(backend));
            audit.record(scope, AuditAction.INCIDENT_READ, ObjectKind.INCIDENT, UUID.randomUUID());
        }));
        assertTrue(DatabaseUnavailable.in(failed), () -> "recognised as unavailable: " + failed);
        assertFalse(DatabaseUnavailable.atCommit(failed), "lost before the commit: nothing was recorded");
    }

    /**
     * The connection is lost after the event was written, at the commit itself: the transaction manager reports the
     * failed commit as suppressed by its rollback exception (what FaultsIT once met as a 500 while PostgreSQL stopped).
     */
    @Test
    void aConnectionLostAtCommitReadsAsTheDatabaseBeingUnavailable() {
        AccessScope scope = new AccessScope("http://issuer", "someone", "100001", null, Set.of("dsl"));
        RuntimeException failed = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            int backend = ((Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
            audit.record(scope, AuditAction.INCIDENT_READ, ObjectKind.INCIDENT, UUID.randomUUID());
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    CompletableFuture.runAsync(() -> terminate(backend)).join();
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }));
        assertTrue(DatabaseUnavailable.in(failed), () -> "recognised as unavailable: " + failed);
        assertTrue(DatabaseUnavailable.atCommit(failed), "lost during the commit: whether it was recorded is unknown");
    }

    private void terminate(int backend) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement kill = c.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, backend);
            try (ResultSet r = kill.executeQuery()) {
                assertTrue(r.next() && r.getBoolean(1), "the transaction's backend was terminated");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventIsOnlyWrittenInsideTheTransactionOfWhatItDescribes() {
        AccessScope scope = new AccessScope("http://issuer", "someone", "100001", null, Set.of("dsl"));
        assertThrows(TransactionalException.class,
                () -> audit.record(scope, AuditAction.INCIDENT_READ, ObjectKind.INCIDENT, UUID.randomUUID()));
    }
}
