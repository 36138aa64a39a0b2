package uk.dsltriage.review.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRecorded", description = "The decision, the tasks it created and the incident's new ETag")
public record DecisionRecordedView(DecisionView decision, List<TaskView> tasksCreated, String etag) {
}
