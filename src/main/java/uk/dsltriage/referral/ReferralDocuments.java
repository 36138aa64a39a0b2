package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import uk.dsltriage.common.StoredJson;
import uk.dsltriage.referral.identity.ChildIdentity;

/** Reads a referral back as domain values. Callers have already established that the reader may see the child's identity. */
@ApplicationScoped
public class ReferralDocuments {

    private final StoredJson json;

    public ReferralDocuments(StoredJson json) {
        this.json = json;
    }

    public ReferralDetails details(Referral r, ChildIdentity identity) {
        return details(r, identity, json.read(r.contentJson, ReferralContent.class));
    }

    public ReferralDetails details(Referral r, ChildIdentity identity, ReferralContent form) {
        return new ReferralDetails(r.id, r.kind, r.laCode, r.schoolUrn, r.createdAt, r.urgency, r.acknowledgementDueAt,
                r.childRef, identity, form);
    }

    public static Acknowledgement acknowledgement(Referral r) {
        return r.acknowledgedAt == null ? null : new Acknowledgement(r.id, r.acknowledgedAt, r.laReference);
    }

    public static Outcome outcome(ReferralOutcomeRecord o) {
        return new Outcome(o.sequence, o.contactOutcome, o.referralOutcome, o.s47Outcome, o.decidedAt, o.recordedAt);
    }
}
