package uk.dsltriage.console.api;

import java.util.ArrayList;
import java.util.List;
import uk.dsltriage.referral.api.OutcomeView;
import uk.dsltriage.referral.api.ReferralView;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.triage.RuleSetWords;

/** A referral as the console shows it: the API's view, its route in words, and its outcomes newest first in words. */
public record ReferralPage(ReferralView view, String routeLabel, String urgencyLabel, List<Outcome> outcomesNewestFirst) {

    /** One decision of the authority in words. */
    public record Outcome(OutcomeView view, String text) {
    }

    /** {@code words}: those of the rule set of the concern's recommendation (the urgency's words). */
    static ReferralPage of(ReferralView view, RuleSetWords words) {
        List<Outcome> outcomes = new ArrayList<>(view.outcomes().stream().map(o -> new Outcome(o, words(o))).toList());
        java.util.Collections.reverse(outcomes);
        var document = view.referral();
        return new ReferralPage(view, Labels.of(document.kind()),
                document.urgency() == null ? "not known" : CodeLabel.of(document.urgency(), words).label(), List.copyOf(outcomes));
    }

    /** The latest outcome in words, or null when the authority has recorded none. */
    public String latestOutcome() {
        return outcomesNewestFirst.isEmpty() ? null : outcomesNewestFirst.get(0).text();
    }

    private static String words(OutcomeView o) {
        List<String> parts = new ArrayList<>();
        if (o.contactOutcome() != null) {
            parts.add("Contact: " + Labels.of(o.contactOutcome()));
        }
        if (o.referralOutcome() != null) {
            parts.add("Referral: " + Labels.of(o.referralOutcome()));
        }
        if (o.s47Outcome() != null) {
            parts.add("Section 47: " + Labels.of(o.s47Outcome()));
        }
        return parts.isEmpty() ? "Recorded without an outcome code" : String.join("; ", parts);
    }
}
