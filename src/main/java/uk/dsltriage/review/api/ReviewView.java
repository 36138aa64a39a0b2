package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.api.DowngradeView;

@Schema(name = "Review", description = "An incident's review: lifecycle status, ETag for If-Match, the current advice (urgency, routes and actions labelled in the words of the rule set the current recommendation was made under, as its labels), every decision (oldest first) and the tasks")
public record ReviewView(UUID incidentId, IncidentStatus status, @Schema(maxLength = WireLimits.ETAG) String etag, Instant awaitingSince, CodeLabel urgency,
        @Schema(maxItems = WireLimits.CODES) List<CodeLabel> routes, @Schema(maxItems = WireLimits.CODES) List<CodeLabel> requiredActions, @Schema(maxItems = WireLimits.CODES) List<CodeLabel> forbiddenActions, DowngradeView downgrade,
        @Schema(maxItems = WireLimits.UNPAGED_LIST) List<DecisionView> decisions, @Schema(maxItems = WireLimits.UNPAGED_LIST) List<TaskView> tasks) {
}
