package uk.dsltriage.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.plans.Assessment;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

@Schema(name = "AssessmentRequest", description = "A holistic risk and needs assessment of one child (harmed, or having displayed the behaviour): a new version supersedes the previous one for the same child and incident. Carries no identity (names, dates of birth, addresses) and no images: the child is the pseudonymous reference in the path; unknown fields are refused.")
public record AssessmentRequest(
        @NotNull @Schema(description = "The incident the assessment follows; the child must be one of its participants") UUID incidentId,
        @NotNull @Schema(description = "TA_ONLY (technology-assisted only), DUAL (online and offline) or OFFLINE_ONLY") AssessmentTypology typology,
        @NotNull @Schema(description = "The DSL's judgement on the continuum: NORMAL, INAPPROPRIATE, PROBLEMATIC, ABUSIVE, VIOLENT. A stable background or good attainment does not make it less serious.")
        ContinuumPosition continuumPosition,
        @NotNull @Size(max = 6) @Schema(maxItems = 6) List<@NotNull VulnerabilityFactor> vulnerabilityFactors,
        @NotNull @Size(max = 20) @Schema(maxItems = 20, description = "What protects the child (relationships, trusted adults, engagement), one per item")
        List<@NotBlank @Size(max = 500) String> protectiveFactors,
        @NotBlank @Size(max = 5_000) @Schema(maxLength = 5_000, description = "The child's views, and how they were involved in the decisions about them")
        String childViews,
        @NotBlank @Size(max = 5_000) @Schema(maxLength = 5_000, description = "How the parents or carers were involved as partners, or why not")
        String parentsInvolvement,
        @NotNull @Size(max = 6) @Schema(maxItems = 6, description = "Specialist support considered")
        List<@NotNull SpecialistSupport> specialistSupport,
        @Size(max = 10_000) @Schema(maxLength = 10_000, description = "The formulation: online and offline behaviour, relationships, history and motivation, not the presenting incident alone")
        String formulation) {

    public Assessment toAssessment() {
        return new Assessment(typology, continuumPosition, List.copyOf(new LinkedHashSet<>(vulnerabilityFactors)),
                protectiveFactors, childViews, parentsInvolvement, List.copyOf(new LinkedHashSet<>(specialistSupport)), formulation);
    }
}
