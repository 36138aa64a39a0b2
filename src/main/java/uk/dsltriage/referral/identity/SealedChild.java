package uk.dsltriage.referral.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import uk.dsltriage.common.StoredRecords;

/**
 * The plaintext of the one-value layout (V16): the child as the API writes it to a local authority, field for field
 * and in the same order as {@code ChildView}, so that the feed sends the decrypted bytes as they are
 * ({@code FeedWireTest} and {@code IdentityLayoutTest} compare the bytes). Written as the API writes it and read
 * strictly ({@link StoredRecords#readAsApi}: no unknown field; the names, date of birth and both lists, possibly
 * empty, always there); the layout's version is in the associated data.
 */
record SealedChild(String ref, String givenName, String familyName, LocalDate dateOfBirth, List<String> aliases,
        String gender, String ethnicity, String language, String address, String upn, String nhsNumber,
        List<ChildIdentity.HouseholdMember> household) {

    static SealedChild of(String ref, ChildIdentity identity) {
        ChildIdentity.Details d = identity.details();
        return new SealedChild(ref, identity.givenName(), identity.familyName(), identity.dateOfBirth(),
                d.aliases() == null ? List.of() : d.aliases(), d.gender(), d.ethnicity(), d.language(), d.address(),
                d.upn(), d.nhsNumber(), d.household() == null ? List.of() : d.household());
    }

    static final String COLUMN = "child_identity.sealed";

    /** The identity of a stored plaintext, which must be the child of the row it was opened from. */
    static ChildIdentity read(StoredRecords records, String rowRef, byte[] plaintext) {
        SealedChild child = records.readAsApi(COLUMN, plaintext, SealedChild.class);
        StoredRecords.require(rowRef.equals(child.ref), COLUMN + " holds another child's reference");
        StoredRecords.require(child.givenName != null && child.familyName != null && child.dateOfBirth != null,
                COLUMN + " has no name or date of birth");
        StoredRecords.require(child.aliases != null && child.aliases.stream().allMatch(Objects::nonNull),
                COLUMN + " has no aliases list, or a null in it");
        StoredRecords.require(child.household != null && child.household.stream().allMatch(m -> m != null
                && m.name() != null && m.relationship() != null),
                COLUMN + " has no household list, or a member without name or relationship");
        return child.identity();
    }

    ChildIdentity identity() {
        return new ChildIdentity(givenName, familyName, dateOfBirth,
                new ChildIdentity.Details(aliases, gender, ethnicity, language, address, upn, nhsNumber, household));
    }
}
