package uk.dsltriage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies every chain in a database from outside the service (plain JDBC), with the service's own verifier: for the
 * fault suite, which runs the service in other JVMs. The API's verify covers only the caller's chain; the system
 * chain and the chains of schools without an auditor are checked here.
 */
public final class ChainCheck {

    public record Result(String chain, boolean valid, long checked, Long firstBrokenEventId) {
    }

    private ChainCheck() {
    }

    public static List<Result> everyChain(Connection c) throws SQLException {
        List<String> chains = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select chain from audit_chain_head order by chain");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                chains.add(rs.getString(1));
            }
        }
        List<Result> results = new ArrayList<>();
        for (String chain : chains) {
            results.add(verify(c, chain));
        }
        return results;
    }

    static Result verify(Connection c, String chain) throws SQLException {
        ChainVerifier verifier = new ChainVerifier(1, AuditEntry.GENESIS);
        try (PreparedStatement s = c.prepareStatement("select " + AuditStore.COLUMNS + " from audit_event where chain = ? order by seq")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    verifier.accept(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16)));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("select seq, hash, last_event_id from audit_chain_head where chain = ?")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                verifier.end(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3));
            }
        }
        Verification v = verifier.result(chain);
        return new Result(chain, v.valid(), v.checked(), v.firstBrokenEventId());
    }
}
