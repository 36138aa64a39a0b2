package uk.dsltriage.referral;

import java.util.ArrayList;
import java.util.List;
import uk.dsltriage.referral.identity.ChildIdentityVault;

/**
 * A page of an authority's feed, oldest first, read and its reading recorded: how many referrals it holds and the
 * cursor after it ({@code nextCursor}, never null) are known; its items are opened by {@link #open()}, which
 * decrypts each child with keys already found and reads nothing else, so that the response can send its headers
 * first and open the page while its next one is already being asked for.
 */
public final class FeedPage {

    /** A referral of the page with its form: the text kept when it was sent, or (none kept) the form read. */
    record Unopened(ReferralRepository.FeedRow row, ReferralContent form) {
    }

    private final List<Unopened> referrals;
    private final ChildIdentityVault.Opening children;
    private final String nextCursor;

    FeedPage(List<Unopened> referrals, ChildIdentityVault.Opening children, String nextCursor) {
        this.referrals = List.copyOf(referrals);
        this.children = children;
        this.nextCursor = nextCursor;
    }

    public int size() {
        return referrals.size();
    }

    public String nextCursor() {
        return nextCursor;
    }

    /** The items, each child opened; a child that does not open is a damaged record (an exception). */
    public List<FeedItem> open() {
        List<byte[]> opened = children.openAllAsJson();
        List<FeedItem> items = new ArrayList<>(referrals.size());
        for (int i = 0; i < referrals.size(); i++) {
            Unopened r = referrals.get(i);
            items.add(FeedItem.of(r.row(), opened.get(i), r.form()));
        }
        return items;
    }
}
