package uk.dsltriage.viewing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/**
 * The {@code viewing_record.details} column as a versioned storage record, read strictly: every field is written
 * (nulls included) with {@code schemaVersion}, and reading refuses a missing, unknown or renamed field and an unknown
 * version, rather than returning a silent null. Rows written before versioning (no {@code schemaVersion}, version 0)
 * omitted null fields, so for them only a missing field means null; an unknown field is still an error.
 */
@ApplicationScoped
public class StoredViewingDetails {

    static final int CURRENT_VERSION = 1;
    private static final String VERSION = "schemaVersion";

    /** Version 1 of an accidental viewing's details. Renaming a component is a new version, never an edit. */
    record AccidentalV1(int schemaVersion, OffsetDateTime viewedAt, AccidentalViewing.How how, Boolean reportedToDsl,
            Boolean supportOffered) {
    }

    /** Version 1 of a DSL viewing exception's details. */
    record ExceptionV1(int schemaVersion, OffsetDateTime viewedAt, ViewingException.ViewerRole viewerRole,
            ViewingException.Reason reason, Boolean headteacherConsulted, Boolean secondStaffPresent,
            ViewingException.SecondStaffRole secondStaffRole, Boolean sameSexAsChild, String notSameSexReason,
            Boolean onPremises, Boolean noCopyMade, Boolean wouldCauseSignificantDistress, String signedBy,
            OffsetDateTime signedAt) {
    }

    private final ObjectMapper strict;
    private final ObjectMapper legacy;

    @Inject
    public StoredViewingDetails(ObjectMapper apiMapper) {
        this.strict = apiMapper.copy()
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.legacy = strict.copy().disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    }

    public String write(ViewingDetails details) {
        Object stored;
        if (details instanceof AccidentalViewing a) {
            stored = new AccidentalV1(CURRENT_VERSION, a.viewedAt(), a.how(), a.reportedToDsl(), a.supportOffered());
        } else {
            ViewingException e = (ViewingException) details;
            stored = new ExceptionV1(CURRENT_VERSION, e.viewedAt(), e.viewerRole(), e.reason(), e.headteacherConsulted(),
                    e.secondStaffPresent(), e.secondStaffRole(), e.sameSexAsChild(), e.notSameSexReason(), e.onPremises(),
                    e.noCopyMade(), e.wouldCauseSignificantDistress(), e.signedBy(), e.signedAt());
        }
        try {
            return strict.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("viewing details not serialisable", e);
        }
    }

    public ViewingDetails read(ViewingRecord.Kind kind, String json) {
        try {
            JsonNode tree = strict.readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new StoredViewingDetailsException("stored viewing details are not a JSON object");
            }
            ObjectMapper reader = readerFor(object);
            return switch (kind) {
                case ACCIDENTAL -> {
                    AccidentalV1 v = reader.treeToValue(object, AccidentalV1.class);
                    yield new AccidentalViewing(v.viewedAt(), v.how(), v.reportedToDsl(), v.supportOffered());
                }
                case DSL_EXCEPTION -> {
                    ExceptionV1 v = reader.treeToValue(object, ExceptionV1.class);
                    yield new ViewingException(v.viewedAt(), v.viewerRole(), v.reason(), v.headteacherConsulted(),
                            v.secondStaffPresent(), v.secondStaffRole(), v.sameSexAsChild(), v.notSameSexReason(),
                            v.onPremises(), v.noCopyMade(), v.wouldCauseSignificantDistress(), v.signedBy(), v.signedAt());
                }
            };
        } catch (JsonProcessingException e) {
            // The parser's message names the field, never the stored value (source inclusion is off by default).
            throw new StoredViewingDetailsException("stored " + kind + " viewing details not readable: "
                    + e.getOriginalMessage());
        }
    }

    private ObjectMapper readerFor(ObjectNode object) {
        JsonNode version = object.get(VERSION);
        if (version == null) {
            object.put(VERSION, 0);
            return legacy;
        }
        if (!version.isInt() || version.intValue() != CURRENT_VERSION) {
            throw new StoredViewingDetailsException("stored viewing details have an unknown schemaVersion");
        }
        return strict;
    }

    /** A stored row that does not match its declared version: a defect or a tampered row, never a null to skip. */
    public static final class StoredViewingDetailsException extends IllegalStateException {
        StoredViewingDetailsException(String message) {
            super(message);
        }
    }
}
