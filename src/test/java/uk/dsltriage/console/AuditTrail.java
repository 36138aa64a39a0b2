package uk.dsltriage.console;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import uk.dsltriage.support.Persona;

/** What one persona left in the audit log after a mark, as "ACTION OBJECT_TYPE OBJECT_ID" lines in order. */
final class AuditTrail {

    private AuditTrail() {
    }

    static long mark(AgroalDataSource dataSource) {
        return (Long) query(dataSource, "select coalesce(max(id), 0) from audit_event", null, 0).get(0);
    }

    static List<String> after(AgroalDataSource dataSource, long mark, Persona persona) {
        return query(dataSource, "select action || ' ' || coalesce(object_type, '-') || ' ' || coalesce(object_id, '-')"
                + " from audit_event where id > ? and actor = ? order by id", persona.actor(), mark).stream()
                .map(String::valueOf).toList();
    }

    private static List<Object> query(AgroalDataSource dataSource, String sql, String actor, long mark) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (actor != null) {
                s.setLong(1, mark);
                s.setString(2, actor);
            }
            List<Object> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getObject(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
