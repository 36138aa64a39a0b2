package uk.dsltriage.referral.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The feed's page query reads which wrapping of each school's data key its rows need; the key is taken from memory
 * only when it was unwrapped from that very wrapping, and read again otherwise (another wrapping after a re-wrap, one
 * never seen, none).
 */
@QuarkusTest
class SchoolDataKeyWrappingTest {

    private static final byte[] CONTEXT = "wrapping-test".getBytes(StandardCharsets.UTF_8);

    @Inject
    SchoolDataKeys keys;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theWrappingJustReadGivesTheKeyUnwrappedFromItWithoutAnotherRead() throws Exception {
        String school = "100081";
        Aead created = QuarkusTransaction.requiringNew().call(() -> keys.forSchool(school));
        SchoolDataKeys.Wrapping wrapping = wrapping(school);
        Aead seen = QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school, wrapping).orElseThrow());
        assertSame(created, seen, "the key unwrapped from that wrapping, from memory");
        // With the row's data key deleted, only memory can answer: it does for the wrapping it holds, and not for another.
        byte[] sealed = created.encrypt("child".getBytes(StandardCharsets.UTF_8), CONTEXT);
        execute("delete from school_data_key where school_urn = ?", school);
        assertSame(created, QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school, wrapping).orElseThrow()));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school,
                new SchoolDataKeys.Wrapping(wrapping.masterKeyId(), wrapping.version() + 1))).isEmpty(),
                "a wrapping not unwrapped before is read from the table, which has none now");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school, null)).isEmpty());
        assertArrayEquals("child".getBytes(StandardCharsets.UTF_8), seen.decrypt(sealed, CONTEXT));
    }

    @Test
    void afterAReWrapTheNewWrappingIsReadAndOpensWhatTheOldOneSealed() throws Exception {
        String school = "100082";
        Aead before = QuarkusTransaction.requiringNew().call(() -> keys.forSchool(school));
        byte[] sealed = before.encrypt("child".getBytes(StandardCharsets.UTF_8), CONTEXT);
        SchoolDataKeys.Wrapping old = wrapping(school);
        // A re-wrap (here: a version bump of the same wrapped keyset) makes the row name another wrapping.
        execute("update school_data_key set version = version + 1 where school_urn = ?", school);
        SchoolDataKeys.Wrapping current = wrapping(school);
        assertNotEquals(old, current);
        Aead after = QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school, current).orElseThrow());
        assertArrayEquals("child".getBytes(StandardCharsets.UTF_8), after.decrypt(sealed, CONTEXT));
        assertSame(after, QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(school).orElseThrow()),
                "read once for the new wrapping, then held for it");
    }

    private SchoolDataKeys.Wrapping wrapping(String school) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select " + SchoolDataKeys.WRAPPING_COLUMNS + " from school_data_key k where k.school_urn = ?")) {
            s.setString(1, school);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new SchoolDataKeys.Wrapping(r.getString(1), r.getLong(2));
            }
        }
    }

    private void execute(String sql, String school) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, school);
            assertEquals(1, s.executeUpdate());
        }
    }
}
