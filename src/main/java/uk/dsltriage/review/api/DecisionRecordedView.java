package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRecorded", description = "The decision, the tasks it created and the incident's new ETag")
public record DecisionRecordedView(DecisionView decision, @Schema(maxItems = WireLimits.CODES) List<TaskView> tasksCreated, @Schema(maxLength = WireLimits.ETAG) String etag) {
}
