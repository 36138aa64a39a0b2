package uk.dsltriage.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.support.StoredRows.components;
import static uk.dsltriage.support.StoredRows.fieldNames;
import static uk.dsltriage.support.StoredRows.fixture;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

/**
 * Stored assessments and plans ({@code child_support_record.content}) round-trip, and a missing, renamed or unknown
 * field or version, or a null where every record had a value, is an error. The fixtures under {@code stored-rows/}
 * are rows in the text form PostgreSQL gives a jsonb value, as the code writes them since the column's first row
 * (e8c03a8, {@code schemaVersion} 1 from the start; checked below: what is written now is the row).
 */
class StoredSupportContentTest {

    private static final ObjectMapper API = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final StoredSupportContent stored = new StoredSupportContent(new StoredRecords(API));

    private final Assessment assessment = new Assessment(AssessmentTypology.DUAL, ContinuumPosition.ABUSIVE,
            List.of(VulnerabilityFactor.SEND), List.of("Trusted adult"), "views", "parents", List.of(SpecialistSupport.SHORE), null);

    private final SafetyPlan plan = new SafetyPlan(
            List.of(new SafetyPlan.SupervisionItem(SafetyPlan.SupervisionType.ENHANCEMENT, "Adult at break", "Pastoral lead")),
            List.of(new SafetyPlan.PlanItem("Withdrawal", "Form tutor")), List.of(), null, LocalDate.of(2027, 2, 1));

    private static final Assessment ASSESSMENT_FULL = new Assessment(AssessmentTypology.DUAL, ContinuumPosition.PROBLEMATIC,
            List.of(VulnerabilityFactor.SEND, VulnerabilityFactor.SOCIAL_ISOLATION),
            List.of("Trusted adult at school", "Engaged in football club"),
            "Wants the messages to stop; was involved in choosing the trusted adult.",
            "Both parents met the DSL and agreed the plan.", List.of(SpecialistSupport.SHORE),
            "Online only until this term; motivated by peer status.");
    private static final Assessment ASSESSMENT_MINIMAL = new Assessment(AssessmentTypology.TA_ONLY,
            ContinuumPosition.INAPPROPRIATE, List.of(), List.of(), "Did not want to talk about it yet.",
            "Parents informed by phone.", List.of(), null);
    private static final SafetyPlan PLAN_FULL = new SafetyPlan(
            List.of(new SafetyPlan.SupervisionItem(SafetyPlan.SupervisionType.RESTRICTION, "Separate maths sets", "Head of Year 10"),
                    new SafetyPlan.SupervisionItem(SafetyPlan.SupervisionType.ENHANCEMENT, "Adult at break", "Pastoral lead")),
            List.of(new SafetyPlan.PlanItem("Withdrawal from friends", "Form tutor")),
            List.of(new SafetyPlan.PlanItem("Weekly check-in", "School counsellor")),
            "Agrees with the plan and asked for the check-in on Mondays.", LocalDate.of(2027, 2, 1));
    private static final SafetyPlan PLAN_MINIMAL = new SafetyPlan(List.of(), List.of(), List.of(), null,
            LocalDate.of(2026, 12, 18));

    @Test
    void roundTrips() {
        assertEquals(assessment, readAssessment(stored.write(assessment)));
        assertEquals(plan, readPlan(stored.write(plan)));
    }

    @Test
    void everyFieldIsWrittenWithItsSchemaVersion() throws Exception {
        String json = stored.write(assessment);
        assertEquals(true, json.contains("\"schemaVersion\":1") && json.contains("\"formulation\":null"), json);
        assertEquals(components(StoredSupportContent.AssessmentV1.class), fieldNames(API.readTree(json)));
        assertEquals(components(StoredSupportContent.SafetyPlanV1.class), fieldNames(API.readTree(stored.write(plan))));
    }

    @Test
    void storedAssessmentsReadAsTheyWereWrittenAndACorruptedOneIsRefused() throws Exception {
        for (var row : Map.of("support-assessment-v1-full", ASSESSMENT_FULL, "support-assessment-v1-minimal",
                ASSESSMENT_MINIMAL).entrySet()) {
            ObjectNode tree = readsAsWritten(row.getKey(), row.getValue(), this::readAssessment, stored::write);
            refused(this::readAssessment, tree, t -> t.remove("formulation"));
            refused(this::readAssessment, tree, t -> t.set("continuum", t.remove("continuumPosition")));
            refused(this::readAssessment, tree, t -> t.put("childName", "x"));
            refused(this::readAssessment, tree, t -> t.put("schemaVersion", 2));
            refused(this::readAssessment, tree, t -> t.remove("schemaVersion"));
            refused(this::readAssessment, tree, t -> t.putNull("typology"));
            refused(this::readAssessment, tree, t -> t.putNull("protectiveFactors"));
            refused(this::readAssessment, tree, t -> t.putArray("vulnerabilityFactors").addNull());
            refused(this::readPlan, tree, t -> { });
        }
    }

    @Test
    void storedPlansReadAsTheyWereWrittenAndACorruptedOneIsRefused() throws Exception {
        for (var row : Map.of("support-safety-plan-v1-full", PLAN_FULL, "support-safety-plan-v1-minimal",
                PLAN_MINIMAL).entrySet()) {
            ObjectNode tree = readsAsWritten(row.getKey(), row.getValue(), this::readPlan, stored::write);
            refused(this::readPlan, tree, t -> t.remove("childViews"));
            refused(this::readPlan, tree, t -> t.set("reviewDate", t.remove("reviewBy")));
            refused(this::readPlan, tree, t -> t.put("extra", 1));
            refused(this::readPlan, tree, t -> t.put("schemaVersion", 0));
            refused(this::readPlan, tree, t -> t.putNull("reviewBy"));
            refused(this::readPlan, tree, t -> t.putNull("support"));
            refused(this::readPlan, tree, t -> t.putArray("monitoring").addObject().put("description", "x").putNull("responsible"));
            refused(this::readPlan, tree, t -> t.putArray("supervision").addObject().put("description", "x")
                    .put("responsible", "y"));
            refused(this::readAssessment, tree, t -> { });
        }
    }

    @Test
    void theErrorNamesTheColumnAndTheField() {
        String json = stored.write(assessment).replace("\"continuumPosition\"", "\"continuum\"");
        var error = assertThrows(StoredRecordException.class, () -> readAssessment(json));
        assertTrue(error.getMessage().contains(StoredSupportContent.CONTENT) && error.getMessage().contains("continuum"),
                error.getMessage());
    }

    private Assessment readAssessment(String json) {
        return stored.readAssessment(UUID.randomUUID(), json);
    }

    private SafetyPlan readPlan(String json) {
        return stored.readSafetyPlan(UUID.randomUUID(), json);
    }

    /** The fixture row reads as the record it was written from, and is what the code writes for it now. */
    private static <T> ObjectNode readsAsWritten(String name, T expected, Function<String, T> read,
            Function<T, String> write) throws Exception {
        String json = fixture(name + ".json");
        assertEquals(expected, read.apply(json), name);
        assertEquals(API.readTree(json), API.readTree(write.apply(expected)), "what is written now is the row");
        return (ObjectNode) API.readTree(json);
    }

    private static void refused(Function<String, ?> read, ObjectNode row, Consumer<ObjectNode> change) {
        ObjectNode changed = row.deepCopy();
        change.accept(changed);
        var error = assertThrows(StoredRecordException.class, () -> read.apply(changed.toString()), changed::toString);
        assertTrue(error.getMessage().contains(StoredSupportContent.CONTENT), error.getMessage());
    }
}
