package uk.dsltriage.referral.api;

import java.util.stream.Collectors;
import uk.dsltriage.referral.identity.ChildIdentity;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The child, identified: shown only to the referring school's DSL and to the addressed local authority. */
public record ChildView(@Schema(maxLength = 64) String ref, @Schema(maxLength = 100) String givenName, @Schema(maxLength = 100) String familyName, LocalDate dateOfBirth, @Schema(maxItems = 10) List<@Size(max = 200) String> aliases,
        @Schema(maxLength = 50) String gender, @Schema(maxLength = 100) String ethnicity, @Schema(maxLength = 100) String language, @Schema(maxLength = 500) String address, @Schema(maxLength = 13) String upn, @Schema(maxLength = 10) String nhsNumber,
        @Schema(maxItems = 20) List<HouseholdMemberBody> household) {

    public static ChildView of(String ref, ChildIdentity identity) {
        ChildIdentity.Details d = identity.details();
        List<HouseholdMemberBody> household = d.household() == null ? List.of()
                : d.household().stream().map(HouseholdMemberBody::of).collect(Collectors.toList());
        return new ChildView(ref, identity.givenName(), identity.familyName(), identity.dateOfBirth(),
                d.aliases() == null ? List.of() : d.aliases(), d.gender(), d.ethnicity(), d.language(), d.address(),
                d.upn(), d.nhsNumber(), household);
    }
}
