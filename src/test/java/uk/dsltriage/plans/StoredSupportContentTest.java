package uk.dsltriage.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

/** Stored assessments and plans round-trip, and a missing, renamed or unknown field or version is an error. */
class StoredSupportContentTest {

    private final StoredSupportContent stored = new StoredSupportContent(
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private final Assessment assessment = new Assessment(AssessmentTypology.DUAL, ContinuumPosition.ABUSIVE,
            List.of(VulnerabilityFactor.SEND), List.of("Trusted adult"), "views", "parents", List.of(SpecialistSupport.SHORE), null);

    private final SafetyPlan plan = new SafetyPlan(
            List.of(new SafetyPlan.SupervisionItem(SafetyPlan.SupervisionType.ENHANCEMENT, "Adult at break", "Pastoral lead")),
            List.of(new SafetyPlan.PlanItem("Withdrawal", "Form tutor")), List.of(), null, LocalDate.of(2027, 2, 1));

    @Test
    void roundTrips() {
        assertEquals(assessment, stored.readAssessment(stored.write(assessment)));
        assertEquals(plan, stored.readSafetyPlan(stored.write(plan)));
    }

    @Test
    void everyFieldIsWrittenWithItsSchemaVersion() {
        String json = stored.write(assessment);
        assertEquals(true, json.contains("\"schemaVersion\":1") && json.contains("\"formulation\":null"), json);
    }

    @Test
    void aMissingRenamedOrUnknownFieldOrVersionIsAnError() {
        String json = stored.write(assessment);
        List<String> broken = List.of(
                json.replace("\"formulation\":null,", "").replace(",\"formulation\":null", ""),
                json.replace("\"continuumPosition\"", "\"continuum\""),
                json.replace("{", "{\"extra\":1,"),
                json.replace("\"schemaVersion\":1", "\"schemaVersion\":2"),
                json.replace("\"schemaVersion\":1,", ""));
        for (String row : broken) {
            assertThrows(StoredSupportContent.StoredSupportContentException.class, () -> stored.readAssessment(row), row);
        }
        String planJson = stored.write(plan).replace("\"reviewBy\"", "\"reviewDate\"");
        assertThrows(StoredSupportContent.StoredSupportContentException.class, () -> stored.readSafetyPlan(planJson));
    }
}
