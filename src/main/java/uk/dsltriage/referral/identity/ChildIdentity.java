package uk.dsltriage.referral.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * Who a child is: the details a local authority needs and nobody else may see. Only ever held encrypted at rest
 * ({@link ChildIdentityVault}); never logged, audited or put in an error message.
 */
public record ChildIdentity(String givenName, String familyName, LocalDate dateOfBirth, Details details) {

    /** Optional identifying details and the household, encrypted together as one field. */
    public record Details(List<String> aliases, String gender, String ethnicity, String language, String address,
            String upn, String nhsNumber, List<HouseholdMember> household) {
    }

    public record HouseholdMember(String name, String relationship, Boolean parentalResponsibility, Boolean livesWithChild) {
    }
}
