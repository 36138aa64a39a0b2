package uk.dsltriage.review.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.ShadowRun;

@Schema(name = "ShadowRun", description = "The open incidents whose advice would change under this rule-set version, with the difference. Nothing is stored.")
public record ShadowRunView(String ruleSetId, String version, int changed, List<ShadowRun.Change> changes) {
}
