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
}
