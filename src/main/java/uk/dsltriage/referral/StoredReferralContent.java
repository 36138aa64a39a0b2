package uk.dsltriage.referral;

import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A referral's form as stored ({@code referral.content}), storage format {@value #VERSION}: its own shape, mapped to
 * and from {@link ReferralContent}. Format 1 (rows written before storageVersion: the form's own JSON, nulls left out)
 * has the same fields and is read into this record with no version; what the service always wrote must be there.
 * The text sent to the local authority is kept apart, as the API writes the form ({@code referral.form_json}).
 * Renaming a component is a new version, never an edit.
 */
record StoredReferralContent(int storageVersion, Referrer referrer, Boolean phoneReferralMade,
        OffsetDateTime phoneReferralAt, Consent consent, Boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason, String participantRef, List<Professional> professionals,
        Concerns concerns, RecommendationSummary recommendation, String decisionRationale, Integer thresholdLevel) {

    static final int VERSION = 2;

    record Referrer(String name, String role, String agency, String phone, String email) {
    }

    record Consent(Boolean consentToShareObtained, String consentGivenBy, String consentNotObtainedReason) {
    }

    record Professional(String name, String role, String agency, String contact) {
    }

    record Concerns(String facts, String dslAccount, String childVoice, String riskFactors, String protectiveFactors,
            List<String> censusFactors) {
    }

    record RecommendationSummary(String ruleSetId, String ruleSetVersion, List<Route> routes, Urgency urgency) {
    }

    static StoredReferralContent of(ReferralContent f) {
        ReferralContent.Referrer r = f.referrer();
        ReferralContent.Consent c = f.consent();
        ReferralContent.Concerns k = f.concerns();
        ReferralContent.RecommendationSummary s = f.recommendation();
        return new StoredReferralContent(VERSION,
                r == null ? null : new Referrer(r.name(), r.role(), r.agency(), r.phone(), r.email()),
                f.phoneReferralMade(), f.phoneReferralAt(),
                c == null ? null : new Consent(c.consentToShareObtained(), c.consentGivenBy(), c.consentNotObtainedReason()),
                f.parentsInformed(), f.parentsNotInformedReason(), f.participantRef(),
                f.professionals() == null ? null : f.professionals().stream()
                        .map(p -> new Professional(p.name(), p.role(), p.agency(), p.contact())).toList(),
                k == null ? null : new Concerns(k.facts(), k.dslAccount(), k.childVoice(), k.riskFactors(),
                        k.protectiveFactors(), k.censusFactors()),
                s == null ? null : new RecommendationSummary(s.ruleSetId(), s.ruleSetVersion(), s.routes(), s.urgency()),
                f.decisionRationale(), f.thresholdLevel());
    }

    /** The form; what every referral is sent with (referrer, consent, concerns, the recommendation...) must be there. */
    ReferralContent toContent() {
        StoredRecords.require(referrer != null && referrer.name() != null && referrer.role() != null,
                "referral form has no referrer name or role");
        StoredRecords.require(phoneReferralMade != null && parentsInformed != null,
                "referral form has no phoneReferralMade or parentsInformed");
        StoredRecords.require(consent != null && consent.consentToShareObtained() != null,
                "referral form has no consent");
        StoredRecords.require(professionals != null && professionals.stream()
                .allMatch(p -> p != null && p.name() != null && p.role() != null),
                "referral form has no professionals list, or one without name or role");
        StoredRecords.require(concerns != null && concerns.facts() != null && concerns.dslAccount() != null
                && concerns.censusFactors() != null, "referral form has no concerns, or no census factors");
        StoredRecords.require(recommendation != null && recommendation.ruleSetId() != null
                && recommendation.ruleSetVersion() != null && recommendation.routes() != null
                && recommendation.urgency() != null, "referral form has no recommendation it was made on");
        StoredRecords.require(decisionRationale != null, "referral form has no decision rationale");
        return new ReferralContent(
                new ReferralContent.Referrer(referrer.name(), referrer.role(), referrer.agency(), referrer.phone(),
                        referrer.email()),
                phoneReferralMade, phoneReferralAt,
                new ReferralContent.Consent(consent.consentToShareObtained(), consent.consentGivenBy(),
                        consent.consentNotObtainedReason()),
                parentsInformed, parentsNotInformedReason, participantRef,
                professionals.stream().map(p -> new ReferralContent.Professional(p.name(), p.role(), p.agency(),
                        p.contact())).toList(),
                new ReferralContent.Concerns(concerns.facts(), concerns.dslAccount(), concerns.childVoice(),
                        concerns.riskFactors(), concerns.protectiveFactors(), concerns.censusFactors()),
                new ReferralContent.RecommendationSummary(recommendation.ruleSetId(), recommendation.ruleSetVersion(),
                        recommendation.routes(), recommendation.urgency()),
                decisionRationale, thresholdLevel);
    }
}
