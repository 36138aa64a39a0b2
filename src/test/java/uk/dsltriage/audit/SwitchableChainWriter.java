package uk.dsltriage.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * For AuditBench only (enabled by its test profile): writes events either through the chain, or as the service did
 * before the chain, one plain insert in the caller's transaction with no chain head and no hash, so both can be
 * measured side by side in one run.
 */
@Alternative
@Singleton
class SwitchableChainWriter extends ChainWriter {

    static volatile boolean chained = true;

    private final AgroalDataSource dataSource;

    SwitchableChainWriter(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource) {
        super(transactions, dataSource);
        this.dataSource = dataSource;
    }

    @Override
    void enqueue(AuditEntry event) {
        if (chained) {
            super.enqueue(event);
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into audit_event (at, actor, school_urn, la_code, action, object_type, object_id, outcome, endpoint, correlation_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
            insert.setString(2, event.actor());
            insert.setString(3, event.schoolUrn());
            insert.setString(4, event.laCode());
            insert.setString(5, event.action());
            insert.setString(6, event.objectKind());
            insert.setString(7, event.objectId());
            insert.setString(8, event.outcome());
            insert.setString(9, event.endpoint());
            insert.setString(10, event.correlationId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState());
        }
    }
}
