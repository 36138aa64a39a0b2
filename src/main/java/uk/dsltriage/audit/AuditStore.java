package uk.dsltriage.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads audit events, always within one chain: the chain is the caller's school or local authority. */
@ApplicationScoped
class AuditStore {

    static final String COLUMNS = "id, chain, seq, prev_hash, at, actor, roles, school_urn, la_code, action, "
            + "object_type, object_id, outcome, endpoint, correlation_id, hash";

    private final AgroalDataSource dataSource;

    AuditStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest first, events with an id below {@code beforeId} (when given), at most {@code limit}. */
    List<AuditEntry> search(String chain, AuditQuery query, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_event where chain = ?");
        List<Object> args = new ArrayList<>(List.of(chain));
        condition(sql, args, "object_type = ?", query.objectKind() == null ? null : query.objectKind().name());
        condition(sql, args, "object_id = ?", query.objectId());
        condition(sql, args, "actor = ?", query.actor());
        condition(sql, args, "action = ?", query.action() == null ? null : query.action().name());
        condition(sql, args, "at >= ?", utc(query.from()));
        condition(sql, args, "at < ?", utc(query.to()));
        condition(sql, args, "id < ?", beforeId);
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return list(sql.toString(), args);
    }

    /** Every event about one record in a chain, oldest first. */
    List<AuditEntry> about(String chain, ObjectKind kind, String objectId) {
        return list("select " + COLUMNS + " from audit_event where chain = ? and object_type = ? and object_id = ?"
                + " order by seq", List.of(chain, kind.name(), objectId));
    }

    boolean exists(String chain, AuditAction action, ObjectKind kind, String objectId) {
        return !list("select " + COLUMNS + " from audit_event where chain = ? and action = ? and object_type = ?"
                + " and object_id = ? limit 1", List.of(chain, action.name(), kind.name(), objectId)).isEmpty();
    }

    /** The chain's head: how many events it has and the hash of the last, as the writers left it. */
    ChainHead head(String chain) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select seq, hash, last_event_id from audit_chain_head where chain = ?")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)) : new ChainHead(0, AuditEntry.GENESIS, null);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    record ChainHead(long seq, String hash, Long lastEventId) {
    }

    /** The first position of the chain at or after {@code from}, or of the chain's last event at or before {@code to}. */
    Long firstSeqFrom(String chain, Instant from) {
        return single("select min(seq) from audit_event where chain = ? and at >= ?", chain, utc(from));
    }

    Long lastSeqTo(String chain, Instant to) {
        return single("select max(seq) from audit_event where chain = ? and at <= ?", chain, utc(to));
    }

    /**
     * Streams the chain in chain order between two positions (inclusive), without holding it in memory; the
     * connection is not in a transaction and reads a cursor of 5,000 rows at a time.
     */
    void stream(String chain, long fromSeq, long toSeq, Consumer<AuditEntry> each) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                    + " from audit_event where chain = ? and seq between ? and ? order by seq")) {
                s.setFetchSize(5_000);
                s.setString(1, chain);
                s.setLong(2, fromSeq);
                s.setLong(3, toSeq);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private Long single(String sql, String chain, Object bound) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, chain);
            s.setObject(2, bound);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return (Long) rs.getObject(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private List<AuditEntry> list(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            args.add(value);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), rs.getString(16));
    }

    private static IllegalStateException failed(SQLException e) {
        // SQL messages can quote row data: keep the state only, also in the cause (see ChainWriter).
        return new IllegalStateException("audit query failed (SQL state " + e.getSQLState() + ")",
                new SQLException("audit query failed", e.getSQLState()));
    }
}
