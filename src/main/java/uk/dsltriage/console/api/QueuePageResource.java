package uk.dsltriage.console.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import uk.dsltriage.common.WireLimits;
import uk.dsltriage.review.Cursor;
import uk.dsltriage.review.ReviewFlags;
import uk.dsltriage.review.ReviewQueue;
import uk.dsltriage.review.api.QueueItemView;
import uk.dsltriage.review.api.ReviewViews;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

/** The review queue: what is waiting for the DSL, most urgent first, with overdue and downgrade flags as text. */
@Path(ConsolePaths.QUEUE)
@Produces(MediaType.TEXT_HTML)
public class QueuePageResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance queue(Chrome chrome, List<QueueItemView> items, List<ReviewFlags.Flag> flagged, String next);
    }

    private final ReviewQueue queue;
    private final CurrentUser user;
    private final ConsoleUser console;

    public QueuePageResource(ReviewQueue queue, CurrentUser user, ConsoleUser console) {
        this.queue = queue;
        this.user = user;
        this.console = console;
    }

    @GET
    @RolesAllowed(Roles.DSL)
    public TemplateInstance queue(@QueryParam("cursor") @Size(max = WireLimits.CURSOR) String cursor,
            @QueryParam("flash") @Size(max = 40) String flash) {
        ReviewQueue.Page page = queue.page(user.schoolScope(), Cursor.decode(cursor), PAGE_SIZE);
        return Templates.queue(console.chrome(ConsolePaths.QUEUE).withFlash(Flash.message(flash)),
                page.entries().stream().map(ReviewViews::queueItem).toList(), page.flagged(),
                page.next() == null ? null : page.next().encode());
    }
}
