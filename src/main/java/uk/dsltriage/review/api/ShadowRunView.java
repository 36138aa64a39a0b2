package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.ShadowRun;

@Schema(name = "ShadowRun", description = "The open incidents whose advice would change under this rule-set version, with the difference. Nothing is stored.")
public record ShadowRunView(@Schema(maxLength = WireLimits.CODE) String ruleSetId, @Schema(maxLength = WireLimits.VERSION) String version, @Schema(minimum = "0", maximum = "2147483647") int changed, @Schema(maxItems = WireLimits.UNPAGED_LIST) List<ShadowRun.Change> changes) {
}
