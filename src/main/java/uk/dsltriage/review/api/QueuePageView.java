package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewQueuePage", description = "Most urgent first, then longest waiting; pass nextCursor as cursor for the next page")
public record QueuePageView(@Schema(maxItems = 100) List<QueueItemView> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor,
        @Schema(description = "With the first page: safety plans flagged for review by a new incident or addendum about the same child, oldest flag first; a new plan version clears the flag", maxItems = 200)
        List<FlaggedRecordView> flaggedForReview) {
}
