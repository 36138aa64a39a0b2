package uk.dsltriage.viewing;

import java.time.OffsetDateTime;

/** A member of staff saw an image by accident: who is known from the caller; when and how, never what. */
public record AccidentalViewing(OffsetDateTime viewedAt, How how, Boolean reportedToDsl, Boolean supportOffered)
        implements ViewingDetails {

    public enum How { SHOWN_BY_CHILD_BEFORE_IT_COULD_BE_STOPPED, SENT_UNSOLICITED, SEEN_ON_CONFISCATED_DEVICE, SEEN_ON_SCHOOL_SYSTEM, OTHER }

    @Override
    public ViewingRecord.Kind kind() {
        return ViewingRecord.Kind.ACCIDENTAL;
    }
}
