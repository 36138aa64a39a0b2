package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Chronology", description = "Everything recorded about one pseudonymous child of the school, oldest first")
public record ChronologyView(@Schema(maxLength = 64) String childRef, @Schema(maxItems = WireLimits.UNPAGED_LIST) List<ChronologyEntryView> entries) {
}
