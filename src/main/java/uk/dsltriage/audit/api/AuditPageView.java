package uk.dsltriage.audit.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage", description = "Audit events, newest first")
public record AuditPageView(
        @Schema(maxItems = 200) List<AuditEventView> items,
        @Schema(maxLength = WireLimits.CURSOR, description = "Pass as cursor for the next (older) page; absent on the last page") String nextCursor) {
}
