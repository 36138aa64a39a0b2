package uk.dsltriage.referral;

import java.util.Set;
import java.util.UUID;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/**
 * Which referrals a DSL may send for an incident: those whose route the incident's decision includes. A port, so
 * that the referral capability does not depend on how decisions are made and stored.
 */
public interface ReferralEligibility {

    /**
     * The referral kinds decided for the incident, empty when none (or when the incident is outside the caller's
     * school: the caller has already answered 404 for that).
     */
    Set<ReferralKind> decidedKinds(AccessScope school, UUID incidentId);
}
