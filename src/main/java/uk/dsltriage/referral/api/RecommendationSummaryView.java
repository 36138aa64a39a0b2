package uk.dsltriage.referral.api;

import java.util.List;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/** The recommendation the referral was made on: enough for the authority to look up the rules that fired. */
public record RecommendationSummaryView(String ruleSetId, String ruleSetVersion, List<Route> routes, Urgency urgency) {
}
