package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewQueuePage", description = "Most urgent first, then longest waiting; pass nextCursor as cursor for the next page")
public record QueuePageView(@Schema(maxItems = 100) List<QueueItemView> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor) {
}
