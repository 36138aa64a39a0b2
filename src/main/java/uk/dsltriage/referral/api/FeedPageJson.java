package uk.dsltriage.referral.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.referral.FeedPage;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What the feed writes: the JSON of {@link FeedPageView} of {@link ReferralDocument}s, byte for byte (the contract's
 * schema stays theirs; {@code FeedWireTest} compares), except that the bytes kept for an item are copied instead of
 * being mapped through objects and written again for every item of every page: the child as the API wrote it
 * (opened as one value), and the form as the text stored when the referral was sent (a form without kept text is
 * written as before).
 */
public record FeedPageJson(List<Item> items, String nextCursor) {

    /** {@link ReferralDocument}'s fields, in its order; the form is the kept text ({@link RawValue}) or a {@link ReferralForm}. */
    public record Item(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt, Urgency urgency,
            Instant acknowledgementDueBy, RawValue child, Object form) {
    }

    /** The page as the response's UTF-8 writer writes it. */
    byte[] utf8(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed page not serialisable", e);
        }
    }

    static FeedPageJson of(FeedPage page) {
        return new FeedPageJson(page.items().stream().map(item -> new Item(item.id(), item.kind(), item.laCode(),
                item.schoolUrn(), item.sentAt(), item.urgency(), item.acknowledgementDueBy(),
                new RawValue(new JsonBytes(item.childJson())),
                item.formJson() != null ? new RawValue(item.formJson()) : ReferralForm.of(item.form()))).toList(), page.nextCursor());
    }
}
