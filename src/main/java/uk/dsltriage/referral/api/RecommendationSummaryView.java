package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.util.List;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/** The recommendation the referral was made on: enough for the authority to look up the rules that fired. */
public record RecommendationSummaryView(@Schema(maxLength = WireLimits.CODE) String ruleSetId, @Schema(maxLength = WireLimits.VERSION) String ruleSetVersion, @Schema(maxItems = WireLimits.CODES) List<Route> routes, Urgency urgency) {

    public static RecommendationSummaryView of(ReferralContent.RecommendationSummary r) {
        return new RecommendationSummaryView(r.ruleSetId(), r.ruleSetVersion(), r.routes(), r.urgency());
    }
}
