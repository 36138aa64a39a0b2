package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.review.ReviewQueue;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

@Path("/api/v1/review-queue")
@Tag(name = "Review", description = "The DSL's review of an incident: decisions with reasons, and its lifecycle")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    private final ReviewQueue queue;
    private final CurrentUser user;

    public ReviewQueueResource(ReviewQueue queue, CurrentUser user) {
        this.queue = queue;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    @Operation(operationId = "getReviewQueue", summary = "Incidents awaiting a DSL decision, most urgent first, then longest waiting",
            description = "The school's incidents in AWAITING_DSL_REVIEW or IN_REVIEW, each with its recommendation summary (codes and labels), any downgrade and any overdue task. Cursor paging. The first page also lists safety plans flagged for review (flaggedForReview).")
    @APIResponse(responseCode = "200", description = "A page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuePageView.class)))
    public QueuePageView queue(@QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        ReviewQueue.Page page = queue.page(user.schoolScope(), Cursor.decode(cursor), size);
        return new QueuePageView(page.entries().stream().map(ReviewViews::queueItem).toList(),
                page.next() == null ? null : page.next().encode(),
                page.flagged().stream().map(f -> new FlaggedRecordView(f.kind(), f.recordId(), f.incidentId(), f.childRef(),
                        f.flaggedAt(), f.raisedBy())).toList());
    }
}
