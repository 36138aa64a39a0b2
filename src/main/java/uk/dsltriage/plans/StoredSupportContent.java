package uk.dsltriage.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

/**
 * The {@code child_support_record.content} column as versioned storage records, read strictly: every field is written
 * (nulls included) with {@code schemaVersion}, and a missing, unknown or renamed field or an unknown version is an
 * error, never a silent null. Renaming a component is a new version, never an edit.
 */
@ApplicationScoped
public class StoredSupportContent {

    static final int CURRENT_VERSION = 1;

    record AssessmentV1(int schemaVersion, AssessmentTypology typology, ContinuumPosition continuumPosition,
            List<VulnerabilityFactor> vulnerabilityFactors, List<String> protectiveFactors, String childViews,
            String parentsInvolvement, List<SpecialistSupport> specialistSupport, String formulation) {
    }

    record ItemV1(String description, String responsible) {
    }

    record SupervisionItemV1(SafetyPlan.SupervisionType type, String description, String responsible) {
    }

    record SafetyPlanV1(int schemaVersion, List<SupervisionItemV1> supervision, List<ItemV1> monitoring,
            List<ItemV1> support, String childViews, LocalDate reviewBy) {
    }

    private final ObjectMapper strict;

    @Inject
    public StoredSupportContent(ObjectMapper apiMapper) {
        this.strict = apiMapper.copy()
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public String write(Assessment a) {
        return json(new AssessmentV1(CURRENT_VERSION, a.typology(), a.continuumPosition(), a.vulnerabilityFactors(),
                a.protectiveFactors(), a.childViews(), a.parentsInvolvement(), a.specialistSupport(), a.formulation()));
    }

    public String write(SafetyPlan p) {
        return json(new SafetyPlanV1(CURRENT_VERSION,
                p.supervision().stream().map(s -> new SupervisionItemV1(s.type(), s.description(), s.responsible())).toList(),
                p.monitoring().stream().map(i -> new ItemV1(i.description(), i.responsible())).toList(),
                p.support().stream().map(i -> new ItemV1(i.description(), i.responsible())).toList(),
                p.childViews(), p.reviewBy()));
    }

    public Assessment readAssessment(String json) {
        AssessmentV1 v = read(json, AssessmentV1.class);
        return new Assessment(v.typology(), v.continuumPosition(), v.vulnerabilityFactors(), v.protectiveFactors(),
                v.childViews(), v.parentsInvolvement(), v.specialistSupport(), v.formulation());
    }

    public SafetyPlan readSafetyPlan(String json) {
        SafetyPlanV1 v = read(json, SafetyPlanV1.class);
        return new SafetyPlan(
                v.supervision().stream().map(s -> new SafetyPlan.SupervisionItem(s.type(), s.description(), s.responsible())).toList(),
                v.monitoring().stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                v.support().stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                v.childViews(), v.reviewBy());
    }

    private <T> T read(String json, Class<T> type) {
        try {
            JsonNode tree = strict.readTree(json);
            JsonNode version = tree == null ? null : tree.get("schemaVersion");
            if (version == null || !version.isInt() || version.intValue() != CURRENT_VERSION) {
                throw new StoredSupportContentException("stored support record has no known schemaVersion");
            }
            return strict.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // The parser's message names the field, never the stored value.
            throw new StoredSupportContentException("stored support record not readable: " + e.getOriginalMessage());
        }
    }

    private String json(Object stored) {
        try {
            return strict.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("support record not serialisable", e);
        }
    }

    /** A stored row that does not match its declared version: a defect or a tampered row. */
    public static final class StoredSupportContentException extends IllegalStateException {
        StoredSupportContentException(String message) {
            super(message);
        }
    }
}
