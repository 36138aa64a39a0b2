package uk.dsltriage.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Links the events of a transaction into their chains just before it commits. Events are collected during the
 * transaction; in {@code beforeCompletion} the chain head is locked ({@code select ... for update}), the events are
 * numbered and hashed after it, inserted, and the head moved, all in the caller's transaction. The head's row lock is
 * held only from then until commit, so chain order is commit order, without a global lock, on any number of
 * replicas. Chains are locked in name order so that two transactions touching two chains cannot deadlock.
 */
@ApplicationScoped
class ChainWriter {

    private static final Object KEY = ChainWriter.class;

    private static final String COLUMNS = "at, actor, roles, school_urn, la_code, action, object_type, object_id, outcome, "
            + "endpoint, correlation_id, chain, seq, prev_hash, hash";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int ROW_PARAMETERS = 15;
    private static final int ROWS_PER_STATEMENT = 1_000;

    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    ChainWriter(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** Queues an unlinked event (seq, prev and hash unset) to be chained when the current transaction commits. */
    void enqueue(AuditEntry event) {
        @SuppressWarnings("unchecked")
        List<AuditEntry> pending = (List<AuditEntry>) transactions.getResource(KEY);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(KEY, pending);
            List<AuditEntry> events = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(events);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        pending.add(event);
    }

    private void write(List<AuditEntry> events) {
        // The connection enlisted in the caller's transaction: the events commit (or roll back) with the change.
        try (Connection connection = dataSource.getConnection()) {
            link(connection, events);
        } catch (SQLException e) {
            // The cause carries the SQL state only (PostgreSQL's message can quote row data), so that an unreachable
            // database is still recognised as one (503, ProblemMappers).
            throw new IllegalStateException("audit events could not be written (SQL state " + e.getSQLState() + ")",
                    new SQLException("audit write failed", e.getSQLState()));
        }
    }

    /** Links and inserts events on a connection inside a transaction that the caller commits right after. */
    static void link(Connection connection, List<AuditEntry> events) throws SQLException {
        Map<String, List<AuditEntry>> byChain = new TreeMap<>();
        for (AuditEntry e : events) {
            byChain.computeIfAbsent(e.chain(), c -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<AuditEntry>> chain : byChain.entrySet()) {
            append(connection, chain.getKey(), chain.getValue());
        }
    }

    /**
     * The chain's events inserted and its head moved past them in one statement (one round trip after the lock, not
     * one per event and another for the head): a page of the referral feed writes its audit event this way on
     * every request.
     */
    private static void append(Connection connection, String chain, List<AuditEntry> events) throws SQLException {
        Head head = lockHead(connection, chain);
        long seq = head.seq();
        String previous = head.hash();
        // In statements of at most ROWS_PER_STATEMENT events: PostgreSQL takes at most 65,535 parameters.
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<AuditEntry> rows = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement write = connection.prepareStatement(appendStatement(rows.size()))) {
                int parameter = 0;
                for (AuditEntry event : rows) {
                    AuditEntry linked = event.linked(++seq, previous);
                    bind(write, parameter, linked);
                    parameter += ROW_PARAMETERS;
                    previous = linked.hash();
                }
                write.setLong(parameter + 1, seq);
                write.setString(parameter + 2, previous);
                write.setString(parameter + 3, chain);
                write.executeUpdate();
            }
        }
    }

    /** Identity values are drawn row by row in the order of the values list: the greatest is the chain's last event. */
    private static String appendStatement(int events) {
        return "with inserted as (insert into audit_event (" + COLUMNS + ") values "
                + String.join(", ", Collections.nCopies(events, ROW)) + " returning id) "
                + "update audit_chain_head set seq = ?, hash = ?, last_event_id = (select max(id) from inserted) where chain = ?";
    }

    private record Head(long seq, String hash) {
    }

    private static Head lockHead(Connection connection, String chain) throws SQLException {
        Head head = selectForUpdate(connection, chain);
        if (head != null) {
            return head;
        }
        try (PreparedStatement create = connection.prepareStatement(
                "insert into audit_chain_head (chain, seq, hash) values (?, 0, ?) on conflict do nothing")) {
            create.setString(1, chain);
            create.setString(2, AuditEntry.GENESIS);
            create.executeUpdate();
        }
        return selectForUpdate(connection, chain);
    }

    private static Head selectForUpdate(Connection connection, String chain) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select seq, hash from audit_chain_head where chain = ? for update")) {
            select.setString(1, chain);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
            }
        }
    }

    /** One row's values, after the {@code before} parameters of the rows ahead of it. */
    private static void bind(PreparedStatement insert, int before, AuditEntry e) throws SQLException {
        insert.setObject(before + 1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
        insert.setString(before + 2, e.actor());
        text(insert, before + 3, e.roles());
        text(insert, before + 4, e.schoolUrn());
        text(insert, before + 5, e.laCode());
        insert.setString(before + 6, e.action());
        text(insert, before + 7, e.objectKind());
        text(insert, before + 8, e.objectId());
        insert.setString(before + 9, e.outcome());
        text(insert, before + 10, e.endpoint());
        text(insert, before + 11, e.correlationId());
        insert.setString(before + 12, e.chain());
        insert.setLong(before + 13, e.seq());
        insert.setString(before + 14, e.prevHash());
        insert.setString(before + 15, e.hash());
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
