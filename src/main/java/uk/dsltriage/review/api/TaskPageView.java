package uk.dsltriage.review.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskPage", description = "Tasks in due order; pass nextCursor as cursor for the next page")
public record TaskPageView(List<TaskView> items, String nextCursor) {
}
