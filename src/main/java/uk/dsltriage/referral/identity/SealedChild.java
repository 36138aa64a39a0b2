package uk.dsltriage.referral.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * The plaintext of the one-value layout (V16): the child as the API writes it to a local authority, field for field
 * and in the same order as {@code ChildView}, so that the feed sends the decrypted bytes as they are
 * ({@code FeedWireTest} and {@code SealedChildTest} compare the bytes). Written and read by the API's mapper; the
 * layout's version is in the associated data.
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

    ChildIdentity identity() {
        return new ChildIdentity(givenName, familyName, dateOfBirth,
                new ChildIdentity.Details(aliases, gender, ethnicity, language, address, upn, nhsNumber, household));
    }
}
