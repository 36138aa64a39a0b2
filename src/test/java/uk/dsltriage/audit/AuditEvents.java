package uk.dsltriage.audit;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads audit rows directly, for tests: every event after a mark, in id order. */
final class AuditEvents {

    private AuditEvents() {
    }

    static long mark(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select coalesce(max(id), 0) from audit_event");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<AuditEntry> after(AgroalDataSource dataSource, long mark) {
        return query(dataSource, "select " + AuditStore.COLUMNS + " from audit_event where id > ? order by id", mark);
    }

    private static List<AuditEntry> query(AgroalDataSource dataSource, String sql, long mark) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, mark);
            List<AuditEntry> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(AuditStore.row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
