package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskPage", description = "Tasks in due order; pass nextCursor as cursor for the next page")
public record TaskPageView(@Schema(maxItems = 200) List<TaskView> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor) {
}
