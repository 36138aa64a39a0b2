package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.api.DowngradeView;

@Schema(name = "ReviewQueueItem", description = "An incident awaiting a DSL decision, with the recommendation summary (no narrative): urgency and routes labelled in the words of the rule set the recommendation was made under, as the recommendation's labels on the incident")
public record QueueItemView(UUID incidentId, IncidentStatus status, @Schema(maxLength = WireLimits.ETAG) String etag, @Schema(maxItems = 12) List<CodeLabel> incidentTypes,
        CodeLabel urgency, @Schema(maxItems = WireLimits.CODES) List<CodeLabel> routes, Instant occurredAt, Instant awaitingSince, DowngradeView downgrade,
        @Schema(minimum = "0", maximum = "9223372036854775807") long overdueTasks, Instant earliestOverdueDue) {
}
