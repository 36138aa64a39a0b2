package uk.dsltriage.referral.api;

import java.time.LocalDate;
import java.util.List;

/** The child, identified: shown only to the referring school's DSL and to the addressed local authority. */
public record ChildView(String ref, String givenName, String familyName, LocalDate dateOfBirth, List<String> aliases,
        String gender, String ethnicity, String language, String address, String upn, String nhsNumber,
        List<HouseholdMemberBody> household) {
}
