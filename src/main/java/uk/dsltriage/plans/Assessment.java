package uk.dsltriage.plans;

import java.util.List;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

/**
 * A holistic risk and needs assessment of one child, harmed or having displayed the behaviour alike: the whole of the
 * child's online and offline behaviour, relationships, history and motivation ({@code formulation}), the DSL's
 * judgement of where the behaviour sits on the continuum, what makes the child vulnerable and what protects them, the
 * child's views and how they were involved, how the parents were involved, and the specialist support considered.
 */
public record Assessment(AssessmentTypology typology, ContinuumPosition continuumPosition,
        List<VulnerabilityFactor> vulnerabilityFactors, List<String> protectiveFactors, String childViews,
        String parentsInvolvement, List<SpecialistSupport> specialistSupport, String formulation) {

    public Assessment {
        vulnerabilityFactors = List.copyOf(vulnerabilityFactors);
        protectiveFactors = List.copyOf(protectiveFactors);
        specialistSupport = List.copyOf(specialistSupport);
    }
}
