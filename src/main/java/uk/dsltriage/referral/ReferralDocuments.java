package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.dsltriage.common.StoredJson;
import uk.dsltriage.referral.api.AcknowledgementView;
import uk.dsltriage.referral.api.ChildView;
import uk.dsltriage.referral.api.HouseholdMemberBody;
import uk.dsltriage.referral.api.OutcomeView;
import uk.dsltriage.referral.api.ReferralDocument;
import uk.dsltriage.referral.api.ReferralForm;
import uk.dsltriage.referral.identity.ChildIdentity;

/** Builds the views of a referral. Callers have already established that the reader may see the child's identity. */
@ApplicationScoped
public class ReferralDocuments {

    private final StoredJson json;

    public ReferralDocuments(StoredJson json) {
        this.json = json;
    }

    public ReferralDocument document(Referral r, ChildIdentity identity) {
        return document(r, identity, json.read(r.contentJson, ReferralForm.class));
    }

    public ReferralDocument document(Referral r, ChildIdentity identity, ReferralForm form) {
        return new ReferralDocument(r.id, r.kind, r.laCode, r.schoolUrn, r.createdAt, r.urgency, r.acknowledgementDueAt,
                child(r.childRef, identity), form);
    }

    /** Escapes of UTF-16 surrogates, as a writer may put characters outside the Basic Multilingual Plane. */
    private static final Pattern SURROGATE_ESCAPE = Pattern.compile("\\\\u[dD][89a-fA-F]");

    /**
     * The form's text to keep for sending as it is, or null when it holds a character outside the Basic Multilingual
     * Plane (an emoji): Jackson's string and UTF-8 writers differ on those (one writes the character, the other a
     * surrogate-pair escape), so such a form is written by the response's own writer, as every form was before V15.
     */
    static String storableAsSent(String formJson) {
        return formJson.chars().anyMatch(c -> Character.isSurrogate((char) c)) || SURROGATE_ESCAPE.matcher(formJson).find() ? null : formJson;
    }

    /** The form of a referral whose text is not kept for sending as it is (see {@link #storableAsSent}). */
    public ReferralForm form(Referral r) {
        return json.read(r.contentJson, ReferralForm.class);
    }

    public static ChildView child(String ref, ChildIdentity identity) {
        ChildIdentity.Details d = identity.details();
        List<HouseholdMemberBody> household = d.household() == null ? List.of() : d.household().stream()
                .map(m -> new HouseholdMemberBody(m.name(), m.relationship(), m.parentalResponsibility(), m.livesWithChild()))
                .collect(Collectors.toList());
        return new ChildView(ref, identity.givenName(), identity.familyName(), identity.dateOfBirth(),
                d.aliases() == null ? List.of() : d.aliases(), d.gender(), d.ethnicity(), d.language(), d.address(),
                d.upn(), d.nhsNumber(), household);
    }

    public static AcknowledgementView acknowledgement(Referral r) {
        return r.acknowledgedAt == null ? null : new AcknowledgementView(r.id, r.acknowledgedAt, r.laReference);
    }

    public static OutcomeView outcome(ReferralOutcomeRecord o) {
        return new OutcomeView(o.sequence, o.contactOutcome, o.referralOutcome, o.s47Outcome, o.decidedAt, o.recordedAt);
    }
}
