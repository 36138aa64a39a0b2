package uk.dsltriage.viewing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.support.StoredRows.components;
import static uk.dsltriage.support.StoredRows.fieldNames;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dsltriage.common.LenientJsonOracle;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.common.StoredRecords;

/**
 * Viewing details are a versioned storage record ({@link StoredRecords}): written whole, read strictly, old rows still
 * readable. The fixtures under {@code stored-rows/} are rows in the text form PostgreSQL gives a jsonb value, written
 * out from the writing code's shapes: version 0 as the code before 7306f19 wrote them (the request record as the API
 * mapper wrote it, nulls left out, no {@code schemaVersion}; its shape has not changed since the first viewing
 * record, 5c0e37f), version 1 as the code since then writes them (checked below: what is written now is the row).
 */
class StoredViewingDetailsTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 10, 15, 0, 0, ZoneOffset.UTC);
    private static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final StoredViewingDetails storage = new StoredViewingDetails(new StoredRecords(API));
    private final LenientJsonOracle before = new LenientJsonOracle(API);

    private static final ViewingException EXCEPTION = new ViewingException(AT, ViewingException.ViewerRole.DSL,
            ViewingException.Reason.NECESSARY_FOR_TAKEDOWN_REPORT, true, true, ViewingException.SecondStaffRole.HEADTEACHER,
            false, "no female member of staff on site", true, true, false, "DSL A. Example", AT);

    /** What each fixture holds (the values the rows were written from). */
    private static final Map<String, ViewingDetails> FIXTURES = Map.of(
            "accidental-full", new AccidentalViewing(AT, AccidentalViewing.How.SENT_UNSOLICITED, true, false),
            "accidental-minimal", new AccidentalViewing(AT, AccidentalViewing.How.OTHER, null, null),
            "exception-full", new ViewingException(AT, ViewingException.ViewerRole.DEPUTY_DSL_DELEGATED,
                    ViewingException.Reason.NECESSARY_FOR_TAKEDOWN_REPORT, true, true,
                    ViewingException.SecondStaffRole.HEADTEACHER, false, "No member of staff of the same sex was on site",
                    true, true, false, "DSL A. Example", AT.plusMinutes(20)),
            "exception-minimal", new ViewingException(AT, ViewingException.ViewerRole.DSL,
                    ViewingException.Reason.ONLY_WAY_TO_DECIDE_AGENCY_INVOLVEMENT, true, true,
                    ViewingException.SecondStaffRole.SENIOR_LEADER, true, null, false, true, false, "DSL B. Example", AT));

    @ParameterizedTest
    @ValueSource(strings = {"v0-accidental-full", "v0-accidental-minimal", "v0-exception-full", "v0-exception-minimal",
            "v1-accidental-full", "v1-accidental-minimal", "v1-exception-full", "v1-exception-minimal"})
    void aStoredRowReadsAsItDidAndACorruptedOneIsRefused(String row) throws Exception {
        String stored = fixture("viewing-details-" + row + ".json");
        ViewingDetails expected = FIXTURES.get(row.substring(3));
        ViewingDetails read = read(expected.kind(), stored);
        assertEquals(expected, read, row);
        assertEquals(before.read(stored, expected.getClass()), read, "as the lenient reader of the code before read it");
        boolean v0 = row.startsWith("v0");
        if (!v0) {
            assertEquals(API.readTree(stored), API.readTree(storage.write(expected)), "what is written now is the row");
        }

        ObjectNode tree = (ObjectNode) API.readTree(stored);
        refused(expected.kind(), tree, t -> t.set("viewingTime", t.remove("viewedAt")));
        refused(expected.kind(), tree, t -> t.remove("viewedAt"));
        refused(expected.kind(), tree, t -> t.put("imageDescription", "x"));
        refused(expected.kind(), tree, t -> t.put("schemaVersion", 2));
        refused(expected.kind(), tree, t -> t.put("storageVersion", 2));
        refused(expected.kind() == ViewingRecord.Kind.ACCIDENTAL ? ViewingRecord.Kind.DSL_EXCEPTION : ViewingRecord.Kind.ACCIDENTAL,
                tree, t -> { });
        if (expected instanceof ViewingException) {
            refused(expected.kind(), tree, t -> t.remove("noCopyMade"));
            refused(expected.kind(), tree, t -> t.putNull("signedBy"));
            refused(expected.kind(), tree, t -> t.set("noCopiesMade", t.remove("noCopyMade")));
        } else {
            refused(expected.kind(), tree, t -> t.remove("how"));
        }
        if (!v0) {
            // Version 1 writes every field: an absent one is a defect even where the value may be null. (Without its
            // schemaVersion, a row reads as version 0 did: the two cannot be told apart, as before.)
            refused(expected.kind(), tree, t -> t.remove(expected instanceof ViewingException ? "notSameSexReason" : "supportOffered"));
        }
    }

    @Test
    void bothKindsRoundTripWithEveryFieldAndTheVersionWritten() throws Exception {
        AccidentalViewing accidental = new AccidentalViewing(AT, AccidentalViewing.How.SENT_UNSOLICITED, true, null);
        String json = storage.write(accidental);
        assertTrue(json.contains("\"schemaVersion\":1"), json);
        assertTrue(json.contains("\"supportOffered\":null"), "nulls are written, so that a missing field means a defect: " + json);
        assertEquals(components(StoredViewingDetails.AccidentalV1.class), fieldNames(API.readTree(json)));
        assertEquals(accidental, read(ViewingRecord.Kind.ACCIDENTAL, json));
        assertEquals(EXCEPTION, read(ViewingRecord.Kind.DSL_EXCEPTION, storage.write(EXCEPTION)));
        assertEquals(components(StoredViewingDetails.ExceptionV1.class), fieldNames(API.readTree(storage.write(EXCEPTION))));
    }

    @Test
    void theErrorNamesTheColumnAndFieldAndNeverQuotesTheStoredValue() {
        String json = storage.write(EXCEPTION).replace("\"signedBy\"", "\"signedby\"");
        var error = assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.DSL_EXCEPTION, json));
        assertTrue(error.getMessage().contains("viewing_record.details") && error.getMessage().toLowerCase().contains("signedby"),
                error.getMessage());
        assertFalse(error.getMessage().contains("DSL A. Example"), error.getMessage());
        assertFalse(error.getMessage().contains("no female member"), error.getMessage());
        String missing = storage.write(EXCEPTION).replace(",\"noCopyMade\":true", "");
        var absent = assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.DSL_EXCEPTION, missing));
        assertTrue(absent.getMessage().contains("noCopyMade"), absent.getMessage());
        String badValue = storage.write(EXCEPTION).replace("\"HEADTEACHER\"", "\"THE HEAD, MRS X\"");
        var value = assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.DSL_EXCEPTION, badValue));
        assertFalse(value.getMessage().contains("MRS X"), value.getMessage());
    }

    @Test
    void aRowThatIsNoObjectIsRefused() {
        assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.ACCIDENTAL, "[]"));
        assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.ACCIDENTAL, "{"));
        assertThrows(StoredRecordException.class, () -> read(ViewingRecord.Kind.ACCIDENTAL, null));
    }

    private ViewingDetails read(ViewingRecord.Kind kind, String json) {
        return storage.read(UUID.randomUUID(), kind, json);
    }

    private void refused(ViewingRecord.Kind kind, ObjectNode row, Consumer<ObjectNode> change) {
        ObjectNode changed = row.deepCopy();
        change.accept(changed);
        var error = assertThrows(StoredRecordException.class, () -> read(kind, changed.toString()), changed::toString);
        assertTrue(error.getMessage().contains(StoredViewingDetails.DETAILS), error.getMessage());
    }
}
