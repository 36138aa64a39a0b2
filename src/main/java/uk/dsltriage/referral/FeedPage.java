package uk.dsltriage.referral;

import java.util.List;

/** A page of an authority's feed, oldest first; {@code nextCursor} continues it and is never null. */
public record FeedPage(List<FeedItem> items, String nextCursor) {
}
