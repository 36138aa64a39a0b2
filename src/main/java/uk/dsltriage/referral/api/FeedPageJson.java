package uk.dsltriage.referral.api;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.referral.FeedPage;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What the feed writes: the JSON of {@link FeedPageView} of {@link ReferralDocument}s, byte for byte (the contract's
 * schema stays theirs; {@code FeedWireTest} compares), except that each form goes out as the text stored when the
 * referral was sent instead of being parsed and written again for every item of every page (a form without kept text
 * is written as before).
 */
public record FeedPageJson(List<Item> items, String nextCursor) {

    /** {@link ReferralDocument}'s fields, in its order; the form is the kept text ({@link RawValue}) or a {@link ReferralForm}. */
    public record Item(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt, Urgency urgency,
            Instant acknowledgementDueBy, ChildView child, Object form) {
    }

    static FeedPageJson of(FeedPage page) {
        return new FeedPageJson(page.items().stream().map(item -> new Item(item.id(), item.kind(), item.laCode(),
                item.schoolUrn(), item.sentAt(), item.urgency(), item.acknowledgementDueBy(),
                ChildView.of(item.childRef(), item.child()),
                item.formJson() != null ? new RawValue(item.formJson()) : ReferralForm.of(item.form()))).toList(), page.nextCursor());
    }
}
