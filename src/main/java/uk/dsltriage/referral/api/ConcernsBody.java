package uk.dsltriage.referral.api;

import uk.dsltriage.referral.ReferralContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The reason for referral. {@code censusFactors}: children-in-need census factor codes; when absent, those suggested
 * from the incident types are used (and shown on the referral, so the DSL sees what was sent).
 */
public record ConcernsBody(@NotBlank @Size(max = 10000) String facts, @NotBlank @Size(max = 10000) String dslAccount,
        @Size(max = 5000) String childVoice, @Size(max = 5000) String riskFactors, @Size(max = 5000) String protectiveFactors,
        @Size(max = 30) List<@NotBlank @Size(max = 8) String> censusFactors) {

    public static ConcernsBody of(ReferralContent.Concerns c) {
        return new ConcernsBody(c.facts(), c.dslAccount(), c.childVoice(), c.riskFactors(), c.protectiveFactors(),
                c.censusFactors());
    }

    ReferralContent.Concerns toDomain() {
        return new ReferralContent.Concerns(facts, dslAccount, childVoice, riskFactors, protectiveFactors, censusFactors);
    }
}
