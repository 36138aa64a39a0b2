package uk.dsltriage.alerts.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;

@Schema(name = "AlertPage", description = "Alerts sent and pending, newest first; pass nextCursor as cursor for the next page")
public record AlertPageView(@Schema(maxItems = 200) List<AlertView> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor) {
}
