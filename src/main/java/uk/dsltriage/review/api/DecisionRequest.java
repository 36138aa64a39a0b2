package uk.dsltriage.review.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.DecisionCommand;
import uk.dsltriage.review.DecisionOutcome;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.triage.facts.AttestationBody;
import uk.dsltriage.vocabulary.Route;

@Schema(name = "DecisionRequest", description = "A DSL's decision with its reasons (vocabulary.md, Decisions). Never edited: a new decision supersedes.")
public record DecisionRequest(
        @NotNull DecisionOutcome outcome,
        @NotNull @Schema(description = "true: the recommendation's routes are taken as they are") Boolean acceptRecommendation,
        @Size(max = 40) @Schema(description = "The routes chosen when not accepting the recommendation; an empty list refers nobody. Leave out when accepting.")
        List<@NotNull Route> routes,
        @Size(max = 10_000) @Schema(maxLength = 10_000, description = "Why: required when the recommendation is not accepted in full, or the outcome is NO_FURTHER_ACTION")
        @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String rationale,
        @NotNull Boolean parentsInformed,
        @Schema(description = "Required when parents or carers were not informed: an allowed reason (referrals.md 3.1)")
        ParentsNotInformedReason parentsNotInformedReason,
        @NotBlank @Size(max = 5_000) @Schema(maxLength = 5_000, description = "The child's views and wishes")
        @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String childViews,
        @NotBlank @Size(max = 5_000) @Schema(maxLength = 5_000, description = "How the child's views were weighed in the decision")
        @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String childViewsWeighed,
        @Schema(description = "When the decision is reviewed: required when nobody outside the school is referred (MANAGED_INTERNALLY, NO_FURTHER_ACTION)")
        LocalDate reviewBy,
        @Valid @Schema(description = "For internal handling: all three must be true") AttestationBody dslAttestation,
        @Size(max = 40) @Schema(description = "Further actions decided, by their vocabulary names (required actions); an action the recommendation forbids is refused")
        List<@NotNull @Size(max = 64) @Pattern(regexp = "^[A-Z_]+$", message = "an action name of the vocabulary") String> actions) {

    /** PostgreSQL text cannot hold U+0000: refuse it as invalid input rather than fail on storage. */
    static final String NO_NUL = "^[^\\x00]*$";
    static final String NO_NUL_MESSAGE = "must not contain the NUL character";

    public DecisionCommand toCommand() {
        return new DecisionCommand(outcome, acceptRecommendation, routes, rationale, parentsInformed, parentsNotInformedReason,
                childViews, childViewsWeighed, reviewBy,
                dslAttestation == null ? null : new DecisionCommand.Attestation(dslAttestation.sufficientInformation(),
                        dslAttestation.risksManageableInSetting(), dslAttestation.headteacherConsulted()),
                actions);
    }
}
