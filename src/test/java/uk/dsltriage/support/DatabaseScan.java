package uk.dsltriage.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads every row of every application table as text, to prove what was (not) stored. */
public final class DatabaseScan {

    private DatabaseScan() {
    }

    public static String everything(AgroalDataSource dataSource) {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(table).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database scan failed", e);
        }
        return all.toString();
    }

    /**
     * A fingerprint of what is stored: the row count of every application table except those named, and the sum of
     * the incidents' versions (a lifecycle change updates a row without adding one).
     */
    public static String rowCounts(AgroalDataSource dataSource, List<String> except) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    if (!except.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            StringBuilder sql = new StringBuilder("select concat_ws(',', (select coalesce(sum(version), 0) from incident)");
            for (String table : tables) {
                sql.append(", (select count(*) from \"").append(table).append("\")");
            }
            try (ResultSet rs = s.executeQuery(sql.append(")").toString())) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("row count failed", e);
        }
    }
}
