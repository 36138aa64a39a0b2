package uk.dsltriage.viewing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import uk.dsltriage.viewing.StoredViewingDetails.StoredViewingDetailsException;

/** Viewing details are a versioned storage record: written whole, read strictly, old rows still readable. */
class StoredViewingDetailsTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 2, 10, 15, 0, 0, ZoneOffset.UTC);
    private final StoredViewingDetails storage = new StoredViewingDetails(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL));

    private static final ViewingException EXCEPTION = new ViewingException(AT, ViewingException.ViewerRole.DSL,
            ViewingException.Reason.NECESSARY_FOR_TAKEDOWN_REPORT, true, true, ViewingException.SecondStaffRole.HEADTEACHER,
            false, "no female member of staff on site", true, true, false, "DSL A. Example", AT);

    @Test
    void bothKindsRoundTripWithEveryFieldAndTheVersionWritten() {
        AccidentalViewing accidental = new AccidentalViewing(AT, AccidentalViewing.How.SENT_UNSOLICITED, true, null);
        String json = storage.write(accidental);
        assertTrue(json.contains("\"schemaVersion\":1"), json);
        assertTrue(json.contains("\"supportOffered\":null"), "nulls are written, so that a missing field means a defect: " + json);
        assertEquals(accidental, storage.read(ViewingRecord.Kind.ACCIDENTAL, json));
        assertEquals(EXCEPTION, storage.read(ViewingRecord.Kind.DSL_EXCEPTION, storage.write(EXCEPTION)));
    }

    @Test
    void aMissingFieldIsAnErrorNotANull() {
        String json = storage.write(EXCEPTION).replace(",\"noCopyMade\":true", "");
        assertFalse(json.contains("noCopyMade"));
        assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.DSL_EXCEPTION, json));
    }

    @Test
    void aRenamedFieldIsAnError() {
        String json = storage.write(EXCEPTION).replace("\"noCopyMade\"", "\"noCopiesMade\"");
        assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.DSL_EXCEPTION, json));
    }

    @Test
    void anUnknownVersionOrTheWrongKindIsAnError() {
        String json = storage.write(EXCEPTION).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.DSL_EXCEPTION, json));
        assertThrows(StoredViewingDetailsException.class,
                () -> storage.read(ViewingRecord.Kind.ACCIDENTAL, storage.write(EXCEPTION)));
        assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.ACCIDENTAL, "[]"));
    }

    @Test
    void rowsWrittenBeforeVersioningStayReadableButNotLoosely() {
        // Version 0 was the request as the API wrote it: nulls omitted, no schemaVersion.
        String legacy = "{\"viewedAt\":\"2026-03-02T10:15:00Z\",\"how\":\"SENT_UNSOLICITED\",\"reportedToDsl\":true}";
        AccidentalViewing read = (AccidentalViewing) storage.read(ViewingRecord.Kind.ACCIDENTAL, legacy);
        assertEquals(AccidentalViewing.How.SENT_UNSOLICITED, read.how());
        assertEquals(AT.toInstant(), read.viewedAt().toInstant());
        assertNull(read.supportOffered());
        String renamed = legacy.replace("\"how\"", "\"manner\"");
        assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.ACCIDENTAL, renamed));
    }

    @Test
    void theErrorNeverQuotesTheStoredValue() {
        String json = storage.write(EXCEPTION).replace("\"signedBy\"", "\"signedby\"");
        var error = assertThrows(StoredViewingDetailsException.class, () -> storage.read(ViewingRecord.Kind.DSL_EXCEPTION, json));
        assertFalse(error.getMessage().contains("DSL A. Example"), error.getMessage());
        assertFalse(error.getMessage().contains("no female member"), error.getMessage());
    }
}
