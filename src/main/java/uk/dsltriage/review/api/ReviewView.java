package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.api.DowngradeView;

@Schema(name = "Review", description = "An incident's review: lifecycle status, ETag for If-Match, the current advice, every decision (oldest first) and the tasks")
public record ReviewView(UUID incidentId, IncidentStatus status, String etag, Instant awaitingSince, CodeLabel urgency,
        List<CodeLabel> routes, List<CodeLabel> requiredActions, List<CodeLabel> forbiddenActions, DowngradeView downgrade,
        List<DecisionView> decisions, List<TaskView> tasks) {
}
