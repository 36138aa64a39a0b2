package uk.dsltriage.referral.api;

import uk.dsltriage.referral.identity.ChildIdentity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A parent, carer or other household member: identifying, so stored encrypted with the child's identity. */
public record HouseholdMemberBody(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String relationship,
        Boolean parentalResponsibility, Boolean livesWithChild) {

    public static HouseholdMemberBody of(ChildIdentity.HouseholdMember m) {
        return new HouseholdMemberBody(m.name(), m.relationship(), m.parentalResponsibility(), m.livesWithChild());
    }

    ChildIdentity.HouseholdMember toDomain() {
        return new ChildIdentity.HouseholdMember(name, relationship, parentalResponsibility, livesWithChild);
    }
}
