package uk.dsltriage.audit.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage", description = "Audit events, newest first")
public record AuditPageView(
        List<AuditEventView> items,
        @Schema(description = "Pass as cursor for the next (older) page; absent on the last page") String nextCursor) {
}
