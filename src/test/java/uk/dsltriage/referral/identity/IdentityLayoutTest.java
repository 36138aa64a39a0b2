package uk.dsltriage.referral.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.referral.ScheduledIdentityUpgrade;
import uk.dsltriage.referral.api.ChildView;

/**
 * The child identity as one sealed value (V16) beside the four values of the layout before it: what the one value
 * holds is the child as the API writes it, byte for byte; a row in the old layout (written before V16, or by a
 * replica of the previous version during a rolling upgrade) still reads, is never shadowed by a stale one value, and
 * is sealed once by the upgrade, however many replicas run it at once.
 */
@QuarkusTest
class IdentityLayoutTest {

    @Inject
    ChildIdentityVault vault;

    @Inject
    SchoolDataKeys keys;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScheduledIdentityUpgrade upgrade;

    private static ChildIdentity identity(String given, String family) {
        return new ChildIdentity(given, family, LocalDate.of(2013, 5, 6),
                new ChildIdentity.Details(List.of("Al"), "Female", null, "English", "2 Test Lane, Testtown", null,
                        "9434765919", List.of(new ChildIdentity.HouseholdMember("Kim " + family, "Carer", null, true))));
    }

    @Test
    void theOneValueIsTheChildAsTheApiWritesIt() {
        List<ChildIdentity> children = List.of(identity("Zoë \"Z\" & Ann", "O'Brien\u2028Ünal"),
                identity("Emoji \uD83D\uDE00 tab\t back\\slash", "</script>"),
                new ChildIdentity("Only", "Names", LocalDate.of(2010, 1, 1),
                        new ChildIdentity.Details(null, null, null, null, null, null, null, null)));
        for (ChildIdentity child : children) {
            byte[] api = writeBytes(ChildView.of("R-1.a_b", child));
            byte[] sealed = writeBytes(SealedChild.of("R-1.a_b", child));
            assertArrayEquals(api, sealed, new String(api, StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOldReplicasWriteIsReadFromTheFourValuesAndSealedOnceByTheUpgrade() throws Exception {
        String school = "100091";
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "R-old", identity("First", "Written")));
        assertNotNull(sealedOf(school, "R-old"));

        // A replica of the previous version stores a newer identity for the same child: the four values only.
        oldReplicaStores(school, "R-old", identity("Second", "Written"));
        assertNull(sealedOf(school, "R-old"), "the stale one value is dropped");
        assertEquals("Second", read(school, "R-old").givenName());
        byte[] json = QuarkusTransaction.requiringNew().call(() -> vault.readyToOpen(List.of(sealedRow(school, "R-old"))).openAllAsJson()).get(0);
        assertArrayEquals(writeBytes(ChildView.of("R-old", identity("Second", "Written"))), json);

        byte[][] fourBefore = fourValuesOf(school, "R-old");
        assertTrue(sealAll() >= 1);
        assertNotNull(sealedOf(school, "R-old"));
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(fourBefore[i], fourValuesOf(school, "R-old")[i], "the four values are left as they were");
        }
        assertEquals(identity("Second", "Written"), read(school, "R-old"));
        assertEquals(0, sealAll(), "nothing left to seal");
    }

    @Test
    void twoReplicasUpgradingAtOnceSealEachRowOnce() throws Exception {
        String school = "100092";
        int rows = 30;
        upgrade.run(); // rows other tests left in the old layout: sealed first, so that the count below is this test's
        for (int i = 0; i < rows; i++) {
            String ref = "R-" + i;
            QuarkusTransaction.requiringNew().run(() -> vault.store(school, ref, identity("Child", ref)));
            oldReplicaStores(school, ref, identity("Later", ref));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                runs.add(replicas.submit(() -> {
                    // Small batches, so that the two replicas interleave.
                    ChildIdentityVault.Upgrade at = ChildIdentityVault.Upgrade.start();
                    int sealed = 0;
                    do {
                        ChildIdentityVault.Upgrade from = at;
                        at = QuarkusTransaction.requiringNew().call(() -> vault.upgradeLayout(from, 4));
                        sealed += at.sealed();
                    } while (at.examined() > 0);
                    return sealed;
                }));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertEquals(rows, total, "each row sealed by exactly one replica");
        } finally {
            replicas.shutdown();
        }
        for (int i = 0; i < rows; i++) {
            assertEquals(identity("Later", "R-" + i), read(school, "R-" + i));
        }
    }

    @Test
    void theOneValueMovedToAnotherChildDoesNotDecryptAndHoldsNoPlaintext() throws SQLException {
        String school = "100093";
        QuarkusTransaction.requiringNew().run(() -> {
            vault.store(school, "R-a", identity("Quillon", "Ashbury"));
            vault.store(school, "R-b", identity("Bea", "Two"));
        });
        String raw = new String(sealedOf(school, "R-a"), StandardCharsets.ISO_8859_1);
        for (String plaintext : List.of("Quillon", "Ashbury", "2013-05-06", "Test Lane", "9434765919", "Carer")) {
            assertFalse(raw.contains(plaintext));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("update child_identity "
                + "set sealed = (select sealed from child_identity where school_urn = ? and child_ref = 'R-a') "
                + "where school_urn = ? and child_ref = 'R-b'")) {
            s.setString(1, school);
            s.setString(2, school);
            assertEquals(1, s.executeUpdate());
        }
        assertThrows(IllegalStateException.class, () -> read(school, "R-b"));
    }

    @Test
    void theFourValuesAreStillWrittenAsThePreviousVersionWroteThem() throws Exception {
        String school = "100094";
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "C-four", IdentityPlaintextTest.FULL));
        Aead aead = QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school).orElseThrow());
        byte[] details = aead.decrypt(fourValuesOf(school, "C-four")[3],
                "dsl-triage/child-identity/v1|100094|C-four|details".getBytes(StandardCharsets.UTF_8));
        assertEquals(fixture("child-identity-details-full.json"), new String(details, StandardCharsets.UTF_8));
    }

    @Test
    void anOldRowWithTheStoredDetailsReadsAndOneWithDamagedDetailsIsRefusedAndLeftUnsealed() throws Exception {
        String school = "100095";
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "C-fixture", IdentityPlaintextTest.MINIMAL));
        oldReplicaStores(school, "C-fixture", IdentityPlaintextTest.FULL, fixture("child-identity-details-full.json"));
        assertEquals(IdentityPlaintextTest.FULL, read(school, "C-fixture"));

        String renamed = fixture("child-identity-details-full.json").replace("\"nhsNumber\"", "\"nhs\"");
        QuarkusTransaction.requiringNew().run(() -> vault.store(school, "C-damaged", IdentityPlaintextTest.MINIMAL));
        oldReplicaStores(school, "C-damaged", IdentityPlaintextTest.FULL, renamed);
        try {
            assertThrows(StoredRecordException.class, () -> read(school, "C-damaged"));
            assertThrows(StoredRecordException.class, () -> QuarkusTransaction.requiringNew()
                    .call(() -> vault.readyToOpen(List.of(sealedRow(school, "C-damaged"))).openAllAsJson()));
            ChildIdentityVault.Upgrade at = QuarkusTransaction.requiringNew().call(() -> vault.upgradeLayout(
                    new ChildIdentityVault.Upgrade(school, "C-a", 0, 0, 0), 2));
            assertEquals(1, at.unreadable(), "the damaged row is counted, not sealed");
            assertEquals(1, at.sealed(), "the readable one is sealed");
            assertNull(sealedOf(school, "C-damaged"));
            assertEquals(IdentityPlaintextTest.FULL, read(school, "C-fixture"));
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "delete from child_identity where school_urn = ? and child_ref = 'C-damaged'")) {
                s.setString(1, school);
                s.executeUpdate();
            }
        }
    }

    private ChildIdentity read(String school, String ref) {
        return QuarkusTransaction.requiringNew().call(() -> vault.read(school, ref)).orElseThrow();
    }

    private int sealAll() {
        return upgrade.run();
    }

    private byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a replica of the previous version does (ChildIdentityVault before V16, its statement and associated data
     * restated here): the four values under the school's data key, and nothing of the one value.
     */
    private void oldReplicaStores(String school, String ref, ChildIdentity identity) throws Exception {
        oldReplicaStores(school, ref, identity, mapper.writeValueAsString(identity.details()));
    }

    private void oldReplicaStores(String school, String ref, ChildIdentity identity, String details) throws Exception {
        Aead aead = QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school).orElseThrow());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("insert into child_identity "
                + "(school_urn, child_ref, given_name, family_name, date_of_birth, details, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, now()) on conflict (school_urn, child_ref) do update set "
                + "given_name = excluded.given_name, family_name = excluded.family_name, date_of_birth = excluded.date_of_birth, "
                + "details = excluded.details, updated_at = excluded.updated_at")) {
            s.setString(1, school);
            s.setString(2, ref);
            s.setBytes(3, v1(aead, school, ref, "givenName", identity.givenName()));
            s.setBytes(4, v1(aead, school, ref, "familyName", identity.familyName()));
            s.setBytes(5, v1(aead, school, ref, "dateOfBirth", identity.dateOfBirth().toString()));
            s.setBytes(6, v1(aead, school, ref, "details", details));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static byte[] v1(Aead aead, String school, String ref, String field, String value) throws Exception {
        return aead.encrypt(value.getBytes(StandardCharsets.UTF_8),
                ("dsl-triage/child-identity/v1|" + school + "|" + ref + "|" + field).getBytes(StandardCharsets.UTF_8));
    }

    private ChildIdentityVault.Sealed sealedRow(String school, String ref) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select " + ChildIdentityVault.SEALED_COLUMNS + " from child_identity ci where school_urn = ? and child_ref = ?")) {
            s.setString(1, school);
            s.setString(2, ref);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Object[] columns = new Object[5];
                for (int i = 0; i < 5; i++) {
                    columns[i] = rs.getBytes(i + 1);
                }
                return ChildIdentityVault.Sealed.of(school, ref, columns, 0);
            }
        }
    }

    private byte[] sealedOf(String school, String ref) throws SQLException {
        return fourValuesAnd(school, ref)[0];
    }

    private byte[][] fourValuesOf(String school, String ref) throws SQLException {
        return Arrays.copyOfRange(fourValuesAnd(school, ref), 1, 5);
    }

    private byte[][] fourValuesAnd(String school, String ref) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select sealed, given_name, family_name, date_of_birth, details from child_identity where school_urn = ? and child_ref = ?")) {
            s.setString(1, school);
            s.setString(2, ref);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                byte[][] values = new byte[5][];
                for (int i = 0; i < 5; i++) {
                    values[i] = rs.getBytes(i + 1);
                }
                return values;
            }
        }
    }
}
