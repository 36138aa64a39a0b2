package uk.dsltriage.referral.api;

import java.util.List;

/** A page of the feed, oldest first; pass {@code nextCursor} as {@code after} to continue (it is never null). */
public record FeedPageView(List<ReferralDocument> items, String nextCursor) {
}
