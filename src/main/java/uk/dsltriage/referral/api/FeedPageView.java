package uk.dsltriage.referral.api;

import uk.dsltriage.referral.FeedPage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.util.List;

/** A page of the feed, oldest first; pass {@code nextCursor} as {@code after} to continue (it is never null). */
public record FeedPageView(@Schema(maxItems = 200) List<ReferralDocument> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor) {

    public static FeedPageView of(FeedPage p) {
        return new FeedPageView(p.items().stream().map(ReferralDocument::of).toList(), p.nextCursor());
    }
}
