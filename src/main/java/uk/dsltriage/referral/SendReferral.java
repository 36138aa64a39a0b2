package uk.dsltriage.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The command to send a referral. Its components are the request's, in the request's order, so that its JSON (the
 * Idempotency-Key fingerprint) is the JSON of the request: a retry keeps matching the call it repeats, across
 * versions too.
 */
public record SendReferral(String laCode, ReferralKind kind, Urgency urgency, ReferralContent.Referrer referrer,
        Boolean phoneReferralMade, OffsetDateTime phoneReferralAt, ReferralContent.Consent consent, Boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason, Child child, List<ReferralContent.Professional> professionals,
        ReferralContent.Concerns concerns, String decisionRationale, Integer thresholdLevel) {

    /**
     * The child referred: {@code ref} is the school's pseudonymous reference for the child, {@code participantRef} the
     * incident's (P1); everything else is the identity, stored encrypted.
     */
    public record Child(String ref, String participantRef, String givenName, String familyName, LocalDate dateOfBirth,
            List<String> aliases, String gender, String ethnicity, String language, String address, String upn,
            String nhsNumber, List<ChildIdentity.HouseholdMember> household) {
    }
}
