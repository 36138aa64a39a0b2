package uk.dsltriage.referral;

import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The non-identifying part of a referral as sent: the child's identity and household are kept apart, encrypted. Its
 * JSON is the text sent to the local authority (the referral's {@code form_json}), in the shape sent since the first
 * referral (names and order of components). It is stored as {@link StoredReferralContent}.
 */
public record ReferralContent(Referrer referrer, boolean phoneReferralMade, OffsetDateTime phoneReferralAt,
        Consent consent, boolean parentsInformed, ParentsNotInformedReason parentsNotInformedReason,
        String participantRef, List<Professional> professionals, Concerns concerns,
        RecommendationSummary recommendation, String decisionRationale, Integer thresholdLevel) {

    /** Who makes the referral and how the local authority reaches them. */
    public record Referrer(String name, String role, String agency, String phone, String email) {
    }

    /** Consent to share: whether obtained, from whom, or why not (consent is not needed where harm is significant). */
    public record Consent(Boolean consentToShareObtained, String consentGivenBy, String consentNotObtainedReason) {
    }

    /** Another professional involved with the child or family. */
    public record Professional(String name, String role, String agency, String contact) {
    }

    /** The reason for referral; {@code censusFactors} are children-in-need census factor codes. */
    public record Concerns(String facts, String dslAccount, String childVoice, String riskFactors, String protectiveFactors,
            List<String> censusFactors) {

        public Concerns withCensusFactors(List<String> codes) {
            return new Concerns(facts, dslAccount, childVoice, riskFactors, protectiveFactors, codes);
        }
    }

    /** The recommendation the referral was made on: enough for the authority to look up the rules that fired. */
    public record RecommendationSummary(String ruleSetId, String ruleSetVersion, List<Route> routes, Urgency urgency) {
    }
}
