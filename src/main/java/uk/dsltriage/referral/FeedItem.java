package uk.dsltriage.referral;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A referral of a feed page, its child's identity opened, and its form: the text kept when it was sent, to be sent as
 * it is, or (when no text was kept: sent before V15, or holding a character the writers differ on) the form read.
 */
public record FeedItem(UUID id, ReferralKind kind, String laCode, String schoolUrn, Instant sentAt, Urgency urgency,
        Instant acknowledgementDueBy, String childRef, ChildIdentity child, String formJson, ReferralContent form) {

    static FeedItem of(Referral r, ChildIdentity child, ReferralContent form) {
        return new FeedItem(r.id, r.kind, r.laCode, r.schoolUrn, r.createdAt, r.urgency, r.acknowledgementDueAt, r.childRef,
                child, r.formJson, form);
    }
}
