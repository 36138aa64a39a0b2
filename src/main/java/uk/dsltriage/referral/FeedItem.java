package uk.dsltriage.referral;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A referral of a feed page, its child's identity opened, and its form, each as the bytes the wire carries where they
 * are kept: the child as the API writes it (UTF-8 JSON, see {@code ChildIdentityVault}); the form as the text kept when
 * it was sent (its UTF-8 bytes as stored), or (when no text was kept: sent before V15, or holding a character the writers differ on) the form read.
 */
public record FeedItem(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt, Urgency urgency,
        Instant acknowledgementDueBy, byte[] childJson, byte[] formJson, ReferralContent form) {

    static FeedItem of(ReferralRepository.FeedRow r, byte[] childJson, ReferralContent form) {
        return new FeedItem(r.id(), r.kind(), r.laCode(), r.schoolUrn(), r.sentAt(), r.urgency(), r.acknowledgementDueBy(),
                childJson, r.formAsSent(), form);
    }
}
