package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.StoredRecords.Stored;
import uk.dsltriage.referral.identity.ChildIdentity;

/**
 * Reads a referral back as domain values, its form from the versioned storage record ({@link StoredReferralContent},
 * read strictly; forms stored before versions are read by their own shape), and writes that record. Callers have
 * already established that the reader may see the child's identity.
 */
@ApplicationScoped
public class ReferralDocuments {

    static final String CONTENT = "referral.content";

    private final StoredRecords records;

    public ReferralDocuments(StoredRecords records) {
        this.records = records;
    }

    public ReferralDetails details(Referral r, ChildIdentity identity) {
        return details(r, identity, form(r));
    }

    public ReferralDetails details(Referral r, ChildIdentity identity, ReferralContent form) {
        return new ReferralDetails(r.id, r.kind, r.laCode, r.schoolUrn, r.createdAt, r.urgency, r.acknowledgementDueAt,
                r.childRef, identity, form);
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
    public ReferralContent form(Referral r) {
        return form(r.id, r.contentJson);
    }

    /** The form of a referral sent before V15, from its stored content (see {@link #storableAsSent}). */
    ReferralContent form(UUID id, String contentJson) {
        return StoredRecords.ofRow(CONTENT, id, () -> {
            Stored stored = records.parse(CONTENT, contentJson);
            return records.read(stored, StoredReferralContent.VERSION, StoredReferralContent.class,
                    before -> records.readUnversionedAsCurrent(before, StoredReferralContent.class)).toContent();
        });
    }

    /** The form as stored: a versioned storage record, not the text sent (see {@link #storableAsSent}). */
    String storable(ReferralContent form) {
        return records.write(StoredReferralContent.of(form));
    }

    public static Acknowledgement acknowledgement(Referral r) {
        return r.acknowledgedAt == null ? null : new Acknowledgement(r.id, r.acknowledgedAt, r.laReference);
    }

    public static Outcome outcome(ReferralOutcomeRecord o) {
        return new Outcome(o.sequence, o.contactOutcome, o.referralOutcome, o.s47Outcome, o.decidedAt, o.recordedAt);
    }
}
