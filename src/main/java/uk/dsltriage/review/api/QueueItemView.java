package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.api.DowngradeView;

@Schema(name = "ReviewQueueItem", description = "An incident awaiting a DSL decision, with the recommendation summary (no narrative)")
public record QueueItemView(UUID incidentId, IncidentStatus status, String etag, List<CodeLabel> incidentTypes,
        CodeLabel urgency, List<CodeLabel> routes, Instant occurredAt, Instant awaitingSince, DowngradeView downgrade,
        long overdueTasks, Instant earliestOverdueDue) {
}
