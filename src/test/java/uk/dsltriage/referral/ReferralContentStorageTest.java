package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.dsltriage.support.StoredRows.components;
import static uk.dsltriage.support.StoredRows.fieldNames;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.support.Persona;

/**
 * A referral's form ({@code referral.content}) is a versioned storage record, read strictly; the text sent to the
 * local authority ({@code referral.form_json}) stays the form as the API writes it. The fixtures under
 * {@code stored-rows/} are rows exactly as the code before storage versions wrote them (main at de96584: two
 * referrals sent through the API, content and form_json read back from PostgreSQL as text). The form's shape has not
 * changed since the first referral; {@link ReferralStorageCompatibilityTest#STORED_BEFORE} is one from commit 2b33e3c.
 */
@QuarkusTest
class ReferralContentStorageTest {

    private static final List<String> ROWS = List.of("referral-content-full", "referral-content-minimal");

    @Inject
    ReferralDocuments documents;
    @Inject
    LenientJsonOracle json;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void formsStoredBeforeReadAsTheyDidAndAreSentAsTheyWere() {
        for (String row : ROWS) {
            String stored = fixture(row + ".json");
            ReferralContent form = documents.form(referral(stored));
            assertEquals(json.read(stored, ReferralContent.class), form, row);
            // The text kept for the feed when it was sent is what the API writes of the form read back.
            assertEquals(fixture(row + ".form.json"), json.write(form), row);
        }
        String first = ReferralStorageCompatibilityTest.STORED_BEFORE;
        assertEquals(first, json.write(documents.form(referral(first))));
    }

    @Test
    void aFormSentNowIsStoredAsAVersionedRecordAndSentAsTheApiWritesIt() throws Exception {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        ObjectNode body = ReferralFixtures.referral("993", "C-storage-" + UUID.randomUUID(), "Ann", "Example");
        UUID id = UUID.fromString(Persona.DSL_A.request().body(body.toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201).extract().path("referral.id"));
        String[] row = contentAndForm(id);
        ObjectNode content = (ObjectNode) mapper.readTree(row[0]);
        assertEquals(2, content.get("storageVersion").intValue());
        assertEquals(components(StoredReferralContent.class), fieldNames(content));
        assertFalse(mapper.readTree(row[1]).has("storageVersion"), "the text sent carries no storage version");
        Referral stored = referral(row[0]);
        assertEquals(row[1], json.write(documents.form(stored)));
        assertEquals(json.read(row[1], ReferralContent.class), documents.form(stored));
    }

    @Test
    void currentFormsRefuseMissingRenamedAndUnknownFieldsAndUnknownVersions() throws Exception {
        ReferralContent form = json.read(fixture("referral-content-full.json"), ReferralContent.class);
        ObjectNode current = (ObjectNode) mapper.readTree(documents.storable(form));
        assertEquals(form, documents.form(referral(current.toString())));
        refused(current, c -> c.remove("thresholdLevel"));
        refused(current, c -> c.set("threshold", c.remove("thresholdLevel")));
        refused(current, c -> c.put("childName", "x"));
        refused(current, c -> ((ObjectNode) c.get("referrer")).remove("email"));
        refused(current, c -> ((ObjectNode) c.get("concerns")).set("voice", ((ObjectNode) c.get("concerns")).remove("childVoice")));
        refused(current, c -> ((ObjectNode) c.get("professionals").get(0)).put("nhsNumber", "x"));
        refused(current, c -> c.putNull("decisionRationale"));
        refused(current, c -> c.put("storageVersion", 7));
    }

    @Test
    void formsStoredBeforeRefuseRenamedAndUnknownFieldsAndWhatWasAlwaysWritten() throws Exception {
        ObjectNode legacy = (ObjectNode) mapper.readTree(fixture("referral-content-full.json"));
        refused(legacy, c -> c.set("threshold", c.remove("thresholdLevel")));
        refused(legacy, c -> c.put("childName", "x"));
        refused(legacy, c -> c.remove("referrer"));
        refused(legacy, c -> c.remove("phoneReferralMade"));
        refused(legacy, c -> ((ObjectNode) c.get("consent")).remove("consentToShareObtained"));
        refused(legacy, c -> ((ObjectNode) c.get("professionals").get(0)).remove("name"));
        refused(legacy, c -> ((ObjectNode) c.get("recommendation")).remove("urgency"));
        refused(legacy, c -> ((ObjectNode) c.get("concerns")).remove("censusFactors"));
        assertThrows(StoredRecordException.class, () -> documents.form(referral("\"text\"")));
    }

    private void refused(ObjectNode row, Consumer<ObjectNode> change) {
        ObjectNode changed = row.deepCopy();
        change.accept(changed);
        assertThrows(StoredRecordException.class, () -> documents.form(referral(changed.toString())), changed::toString);
    }

    private static Referral referral(String content) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.contentJson = content;
        return r;
    }

    private String[] contentAndForm(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select content::text, form_json from referral where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }
}
