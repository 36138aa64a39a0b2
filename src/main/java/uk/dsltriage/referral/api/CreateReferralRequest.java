package uk.dsltriage.referral.api;

import uk.dsltriage.referral.SendReferral;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/** A multi-agency referral form, as structured data (referrals.md §3.1). */
public record CreateReferralRequest(
        @NotNull @Pattern(regexp = "^[0-9]{3}$", message = "must be the three-digit DfE local-authority code") @Size(max = 3) String laCode,
        @NotNull ReferralKind kind,
        Urgency urgency,
        @NotNull @Valid ReferrerBody referrer,
        @NotNull Boolean phoneReferralMade,
        OffsetDateTime phoneReferralAt,
        @NotNull @Valid ConsentBody consent,
        @NotNull Boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason,
        @NotNull @Valid ChildBody child,
        @Size(max = 20) List<@NotNull @Valid ProfessionalBody> professionals,
        @NotNull @Valid ConcernsBody concerns,
        @NotBlank @Size(max = 5000) String decisionRationale,
        @Min(1) @Max(4) Integer thresholdLevel) {

    public SendReferral toCommand() {
        return new SendReferral(laCode, kind, urgency, referrer == null ? null : referrer.toDomain(), phoneReferralMade,
                phoneReferralAt, consent == null ? null : consent.toDomain(), parentsInformed, parentsNotInformedReason,
                child == null ? null : child.toDomain(),
                professionals == null ? null : professionals.stream().map(ProfessionalBody::toDomain).toList(),
                concerns == null ? null : concerns.toDomain(), decisionRationale, thresholdLevel);
    }
}
