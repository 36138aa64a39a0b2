package uk.dsltriage.referral.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import java.util.List;

/**
 * A page of the feed, oldest first; pass {@code nextCursor} as {@code after} to continue (it is never null). The
 * contract's schema of the feed: {@link FeedPageWriter} writes this JSON.
 */
public record FeedPageView(@Schema(maxItems = 200) List<ReferralDocument> items, @Schema(maxLength = WireLimits.CURSOR) String nextCursor) {
}
