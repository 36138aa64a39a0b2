package uk.dsltriage.viewing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.StoredRecords.Stored;

/**
 * The {@code viewing_record.details} column as a versioned storage record ({@link StoredRecords}), read strictly: every
 * field is written (nulls included) with {@code schemaVersion} ({@link StoredRecords#SCHEMA_VERSION}: this column was
 * versioned before {@code storageVersion}), and reading refuses a missing, unknown or renamed field and an unknown
 * version. Rows written before versioning (no {@code schemaVersion}: the request as the API wrote it, nulls left out)
 * are read by the same shape, an absent field null; what every record was stored with must be there.
 */
@ApplicationScoped
public class StoredViewingDetails {

    static final String DETAILS = "viewing_record.details";
    static final int CURRENT_VERSION = 1;

    /** Version 1 of an accidental viewing's details. Renaming a component is a new version, never an edit. */
    record AccidentalV1(int schemaVersion, OffsetDateTime viewedAt, AccidentalViewing.How how, Boolean reportedToDsl,
            Boolean supportOffered) {

        AccidentalViewing toDetails() {
            StoredRecords.require(viewedAt != null && how != null, DETAILS + ": an accidental viewing has no viewedAt or how");
            return new AccidentalViewing(viewedAt, how, reportedToDsl, supportOffered);
        }
    }

    /** Version 1 of a DSL viewing exception's details. */
    record ExceptionV1(int schemaVersion, OffsetDateTime viewedAt, ViewingException.ViewerRole viewerRole,
            ViewingException.Reason reason, Boolean headteacherConsulted, Boolean secondStaffPresent,
            ViewingException.SecondStaffRole secondStaffRole, Boolean sameSexAsChild, String notSameSexReason,
            Boolean onPremises, Boolean noCopyMade, Boolean wouldCauseSignificantDistress, String signedBy,
            OffsetDateTime signedAt) {

        /** Only a record with every safeguard was ever stored ({@link ViewingSafeguards}): each one's field is there. */
        ViewingException toDetails() {
            StoredRecords.require(viewedAt != null && viewerRole != null && reason != null && headteacherConsulted != null
                    && secondStaffPresent != null && secondStaffRole != null && sameSexAsChild != null && onPremises != null
                    && noCopyMade != null && wouldCauseSignificantDistress != null && signedBy != null && signedAt != null,
                    DETAILS + ": a viewing exception lacks a safeguard every stored one has");
            return new ViewingException(viewedAt, viewerRole, reason, headteacherConsulted, secondStaffPresent,
                    secondStaffRole, sameSexAsChild, notSameSexReason, onPremises, noCopyMade,
                    wouldCauseSignificantDistress, signedBy, signedAt);
        }
    }

    private final StoredRecords records;

    public StoredViewingDetails(StoredRecords records) {
        this.records = records;
    }

    public String write(ViewingDetails details) {
        if (details instanceof AccidentalViewing a) {
            return records.write(new AccidentalV1(CURRENT_VERSION, a.viewedAt(), a.how(), a.reportedToDsl(), a.supportOffered()));
        }
        ViewingException e = (ViewingException) details;
        return records.write(new ExceptionV1(CURRENT_VERSION, e.viewedAt(), e.viewerRole(), e.reason(),
                e.headteacherConsulted(), e.secondStaffPresent(), e.secondStaffRole(), e.sameSexAsChild(),
                e.notSameSexReason(), e.onPremises(), e.noCopyMade(), e.wouldCauseSignificantDistress(), e.signedBy(),
                e.signedAt()));
    }

    /** The details of the viewing record with this id and kind. */
    public ViewingDetails read(UUID recordId, ViewingRecord.Kind kind, String json) {
        return StoredRecords.ofRow(DETAILS, recordId, () -> {
            Stored stored = records.parse(DETAILS, StoredRecords.SCHEMA_VERSION, json);
            return switch (kind) {
                case ACCIDENTAL -> records.read(stored, CURRENT_VERSION, AccidentalV1.class,
                        before -> records.readUnversionedAsCurrent(before, AccidentalV1.class)).toDetails();
                case DSL_EXCEPTION -> records.read(stored, CURRENT_VERSION, ExceptionV1.class,
                        before -> records.readUnversionedAsCurrent(before, ExceptionV1.class)).toDetails();
            };
        });
    }
}
