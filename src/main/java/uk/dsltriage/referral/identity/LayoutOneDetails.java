package uk.dsltriage.referral.identity;

import java.util.List;
import java.util.Objects;
import uk.dsltriage.common.StoredRecords;

/**
 * The plaintext of the {@code details} value of the four-value layout (layout v1, before V16): the child's details as
 * the API wrote {@link ChildIdentity.Details} then, nulls left out, field for field. Its own record, frozen, because
 * it is still written for replicas of the previous version and read where a row has no one value yet; the layout's
 * version is in the associated data. Every referral stored lists (aliases, household), possibly empty, and names
 * each household member and their relationship.
 */
record LayoutOneDetails(List<String> aliases, String gender, String ethnicity, String language, String address,
        String upn, String nhsNumber, List<Member> household) {

    static final String COLUMN = "child_identity.details";

    record Member(String name, String relationship, Boolean parentalResponsibility, Boolean livesWithChild) {
    }

    static LayoutOneDetails of(ChildIdentity.Details d) {
        return new LayoutOneDetails(d.aliases(), d.gender(), d.ethnicity(), d.language(), d.address(), d.upn(),
                d.nhsNumber(), d.household() == null ? null : d.household().stream().map(m -> new Member(m.name(),
                        m.relationship(), m.parentalResponsibility(), m.livesWithChild())).toList());
    }

    /** The details of a stored plaintext, read strictly: no unknown field, and what was always written is there. */
    static ChildIdentity.Details read(StoredRecords records, byte[] plaintext) {
        return records.readAsApi(COLUMN, plaintext, LayoutOneDetails.class).toDetails();
    }

    ChildIdentity.Details toDetails() {
        StoredRecords.require(aliases != null && aliases.stream().allMatch(Objects::nonNull),
                COLUMN + " has no aliases list, or a null in it");
        StoredRecords.require(household != null && household.stream().allMatch(m -> m != null && m.name() != null
                && m.relationship() != null), COLUMN + " has no household list, or a member without name or relationship");
        return new ChildIdentity.Details(aliases, gender, ethnicity, language, address, upn, nhsNumber,
                household.stream().map(m -> new ChildIdentity.HouseholdMember(m.name(), m.relationship(),
                        m.parentalResponsibility(), m.livesWithChild())).toList());
    }
}
