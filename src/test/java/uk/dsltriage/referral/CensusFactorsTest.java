package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.IncidentType;

class CensusFactorsTest {

    @Test
    void suggestionsFollowTheIncidentTypesAndSplitAbuseByWhetherAnAdultIsInvolved() {
        assertEquals(List.of("11A"), CensusFactors.suggest(Set.of(IncidentType.CSE), null));
        assertEquals(List.of("19C"), CensusFactors.suggest(Set.of(IncidentType.ONLINE_GROOMING), true));
        assertEquals(List.of("19B"), CensusFactors.suggest(Set.of(IncidentType.SEXUAL_VIOLENCE), false));
        assertEquals(List.of(), CensusFactors.suggest(Set.of(IncidentType.PHYSICAL_ABUSE), null), "unknown: left to the DSL");
        assertEquals(List.of(), CensusFactors.suggest(Set.of(IncidentType.DOMESTIC_ABUSE), true), "ambiguous: left to the DSL");
    }

    @Test
    void theCensusValidatorRulesAreApplied() {
        assertTrue(CensusFactors.validate("f", List.of("11A", "19B", "24A")).isEmpty());
        assertTrue(CensusFactors.validate("f", List.of("21")).isEmpty());
        assertEquals(1, CensusFactors.validate("f", List.of("21", "11A")).size(), "8869");
        assertEquals(1, CensusFactors.validate("f", List.of("11A", "11A")).size(), "8898");
        assertEquals(1, CensusFactors.validate("f", List.of("18A")).size(), "8945Q");
        assertEquals(1, CensusFactors.validate("f", List.of("19A")).size(), "8950Q");
        assertEquals(1, CensusFactors.validate("f", List.of("2D")).size());
    }
}
