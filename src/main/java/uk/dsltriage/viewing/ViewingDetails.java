package uk.dsltriage.viewing;

import java.time.OffsetDateTime;

/** What a viewing record says, by kind. */
public sealed interface ViewingDetails permits AccidentalViewing, ViewingException {

    OffsetDateTime viewedAt();

    ViewingRecord.Kind kind();
}
