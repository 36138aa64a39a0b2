package uk.dsltriage.referral.identity;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Persona;

/**
 * Envelope encryption as stored: the identity table holds only ciphertext, the associated data binds each value to
 * its school, child and field, and a data key wrapped by an older master key still opens after the master key is
 * rotated, with nothing re-encrypted.
 */
@QuarkusTest
class IdentityEncryptionTest {

    private static final String OLD_MASTER = "test-k1";
    private static final String NEW_MASTER = "test-k2";

    @Inject
    ChildIdentityVault vault;

    @Inject
    MasterKeys masterKeys;

    @Inject
    AgroalDataSource dataSource;

    private static ChildIdentity identity(String given, String family) {
        return new ChildIdentity(given, family, LocalDate.of(2012, 3, 4),
                new ChildIdentity.Details(List.of(), "Male", "White British", "English", "7 Test Street, Testtown",
                        "B123456789012", "9434765919",
                        List.of(new ChildIdentity.HouseholdMember("Pat " + family, "Father", true, true))));
    }

    @Test
    void theIdentityTableHoldsOnlyCiphertext() throws SQLException {
        String school = "100071";
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "R-plain", identity("Quentinus", "Marlowby")));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select given_name, family_name, date_of_birth, details, sealed from child_identity where school_urn = ? and child_ref = ?")) {
            s.setString(1, school);
            s.setString(2, "R-plain");
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            for (int column = 1; column <= 5; column++) {
                String raw = new String(rs.getBytes(column), StandardCharsets.ISO_8859_1);
                for (String plaintext : List.of("Quentinus", "Marlowby", "2012-03-04", "Test Street", "B123456789012",
                        "9434765919", "Father", "English")) {
                    assertFalse(raw.contains(plaintext), "plaintext in column " + column);
                }
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select t::text from child_identity t union all select t::text from school_data_key t")) {
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                assertFalse(rs.getString(1).contains("Quentinus") || rs.getString(1).contains("Marlowby"));
            }
        }
        assertEquals("Quentinus", QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-plain")).orElseThrow().givenName());
    }

    @Test
    void aValueMovedToAnotherChildOrFieldDoesNotDecrypt() throws SQLException {
        String school = "100072";
        QuarkusTransaction.requiringNew().run(() -> {
            vault.store(school, "R-a", identity("Ann", "One"));
            vault.store(school, "R-b", identity("Bea", "Two"));
        });
        try (Connection c = dataSource.getConnection()) {
            execute(c, "update child_identity set given_name = (select given_name from child_identity where school_urn = ? and child_ref = 'R-a') "
                    + "where school_urn = ? and child_ref = 'R-b'", school, school);
            execute(c, "update child_identity set family_name = given_name where school_urn = ? and child_ref = 'R-a'", school);
        }
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-b")));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-a")));
    }

    @Test
    void aRotatedMasterKeyStillDecryptsRowsWrittenBeforeTheRotation() throws Exception {
        String school = "100073";
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "R-before", identity("Early", "Written")));
        // The state before the rotation: the school's data key wrapped by the older master key.
        Stored original = stored(school);
        assertEquals(NEW_MASTER, original.masterKeyId);
        KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(original.wrapped, masterKeys.byId(NEW_MASTER), context(school));
        byte[] wrappedByOld = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, masterKeys.byId(OLD_MASTER), context(school));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update school_data_key set wrapped_keyset = ?, master_key_id = ?, version = version + 1 where school_urn = ?")) {
            s.setBytes(1, wrappedByOld);
            s.setString(2, OLD_MASTER);
            s.setString(3, school);
            assertEquals(1, s.executeUpdate());
        }
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "R-during", identity("Also", "Early")));
        List<byte[]> ciphertextBefore = identityCiphertext(school);

        Persona.RULES_ADMIN.request().body("{}").post("/api/v1/admin/identity-keys/rewrap").then().statusCode(200)
                .body("masterKeyId", equalTo(NEW_MASTER)).body("rewrapped", greaterThanOrEqualTo(1)).body("remaining", equalTo(0));

        Stored rotated = stored(school);
        assertEquals(NEW_MASTER, rotated.masterKeyId);
        assertFalse(java.util.Arrays.equals(wrappedByOld, rotated.wrapped), "the data key was re-wrapped");
        List<byte[]> ciphertextAfter = identityCiphertext(school);
        for (int i = 0; i < ciphertextBefore.size(); i++) {
            assertArrayEquals(ciphertextBefore.get(i), ciphertextAfter.get(i), "data is not re-encrypted by a rotation");
        }
        assertEquals("Early", QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-before")).orElseThrow().givenName());
        assertEquals("Also", QuarkusTransaction.requiringNew().call(() -> vault.read(school, "R-during")).orElseThrow().givenName());

        // Once re-wrapped, the old master key is no longer needed: the newest alone opens the data key.
        String newest = ConfigProvider.getConfig().getValue("dsl-triage.identity.master-keys", String.class).split(",")[1];
        MasterKeys newestOnly = new MasterKeys(() -> List.of(newest));
        TinkProtoKeysetFormat.parseEncryptedKeyset(rotated.wrapped, newestOnly.byId(NEW_MASTER), context(school));
        assertThrows(IllegalStateException.class, () -> newestOnly.byId(OLD_MASTER));

        // Running it again (another replica, a retry) finds nothing to do.
        Persona.RULES_ADMIN.request().body("{}").post("/api/v1/admin/identity-keys/rewrap").then().statusCode(200)
                .body("rewrapped", equalTo(0)).body("remaining", equalTo(0));
    }

    @Test
    void aMalformedOrMissingMasterKeyIsRefusedWithoutShowingIt() {
        var empty = assertThrows(IllegalStateException.class, () -> new MasterKeys(List::of));
        assertTrue(empty.getMessage().contains("at least one"));
        var shortKey = assertThrows(IllegalStateException.class, () -> new MasterKeys(() -> List.of("k:c2VjcmV0")));
        assertFalse(shortKey.getMessage().contains("c2VjcmV0"));
        assertThrows(IllegalStateException.class, () -> new MasterKeys(() -> List.of("no-colon")));
    }

    private record Stored(String masterKeyId, byte[] wrapped) {
    }

    private Stored stored(String school) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select master_key_id, wrapped_keyset from school_data_key where school_urn = ?")) {
            s.setString(1, school);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            return new Stored(rs.getString(1), rs.getBytes(2));
        }
    }

    private List<byte[]> identityCiphertext(String school) throws SQLException {
        List<byte[]> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select given_name, family_name, date_of_birth, details, sealed from child_identity where school_urn = ? order by child_ref")) {
            s.setString(1, school);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    values.add(rs.getBytes(i));
                }
            }
        }
        return values;
    }

    private static void execute(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    /** The wrapping context SchoolDataKeys uses: restated here so a change to it is a deliberate, visible one. */
    private static byte[] context(String school) {
        return ("dsl-triage/school-data-key/v1|" + school).getBytes(StandardCharsets.UTF_8);
    }
}
