package uk.dsltriage.viewing;

import java.time.OffsetDateTime;

/**
 * A DSL's viewing of an image under the UKCIS exception, with the safeguards that were (or were not) in place;
 * {@link ViewingSafeguards} decides whether it may be stored. No field describes the image.
 */
public record ViewingException(OffsetDateTime viewedAt, ViewerRole viewerRole, Reason reason, Boolean headteacherConsulted,
        Boolean secondStaffPresent, SecondStaffRole secondStaffRole, Boolean sameSexAsChild, String notSameSexReason,
        Boolean onPremises, Boolean noCopyMade, Boolean wouldCauseSignificantDistress, String signedBy,
        OffsetDateTime signedAt) implements ViewingDetails {

    public enum ViewerRole { DSL, DEPUTY_DSL_DELEGATED }

    public enum Reason { ONLY_WAY_TO_DECIDE_AGENCY_INVOLVEMENT, NECESSARY_FOR_TAKEDOWN_REPORT, UNAVOIDABLE_PRESENTED_OR_ON_SCHOOL_SYSTEM }

    public enum SecondStaffRole { HEADTEACHER, SENIOR_LEADER, OTHER_STAFF }

    @Override
    public ViewingRecord.Kind kind() {
        return ViewingRecord.Kind.DSL_EXCEPTION;
    }
}
