package uk.dsltriage.plans;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.vocabulary.AssessmentTypology;
import uk.dsltriage.vocabulary.ContinuumPosition;
import uk.dsltriage.vocabulary.SpecialistSupport;
import uk.dsltriage.vocabulary.VulnerabilityFactor;

/**
 * The {@code child_support_record.content} column as versioned storage records ({@link StoredRecords}), read strictly:
 * every field is written (nulls included) with {@code schemaVersion} ({@link StoredRecords#SCHEMA_VERSION}: the column
 * was versioned from its first row, before {@code storageVersion}), and a missing, unknown or renamed field or an
 * unknown version is an error, never a silent null; so is a null where every record was stored with a value.
 * Renaming a component is a new version, never an edit.
 */
@ApplicationScoped
public class StoredSupportContent {

    static final String CONTENT = "child_support_record.content";
    static final int CURRENT_VERSION = 1;

    record AssessmentV1(int schemaVersion, AssessmentTypology typology, ContinuumPosition continuumPosition,
            List<VulnerabilityFactor> vulnerabilityFactors, List<String> protectiveFactors, String childViews,
            String parentsInvolvement, List<SpecialistSupport> specialistSupport, String formulation) {

        Assessment toAssessment() {
            StoredRecords.require(typology != null && continuumPosition != null && childViews != null
                    && parentsInvolvement != null, CONTENT + ": assessment has no typology, continuum position, child's or parents' views");
            StoredRecords.require(listOfValues(vulnerabilityFactors) && listOfValues(protectiveFactors)
                    && listOfValues(specialistSupport), CONTENT + ": assessment has no list of factors or support, or a null in one");
            return new Assessment(typology, continuumPosition, vulnerabilityFactors, protectiveFactors, childViews,
                    parentsInvolvement, specialistSupport, formulation);
        }
    }

    record ItemV1(String description, String responsible) {
    }

    record SupervisionItemV1(SafetyPlan.SupervisionType type, String description, String responsible) {
    }

    record SafetyPlanV1(int schemaVersion, List<SupervisionItemV1> supervision, List<ItemV1> monitoring,
            List<ItemV1> support, String childViews, LocalDate reviewBy) {

        SafetyPlan toPlan() {
            StoredRecords.require(reviewBy != null, CONTENT + ": safety plan has no review date");
            StoredRecords.require(listOfValues(supervision) && supervision.stream().allMatch(s -> s.type() != null
                    && s.description() != null && s.responsible() != null), CONTENT + ": safety plan has no supervision list, or an incomplete item");
            StoredRecords.require(listOfValues(monitoring) && listOfValues(support)
                    && Stream.concat(monitoring.stream(), support.stream())
                            .allMatch(i -> i.description() != null && i.responsible() != null),
                    CONTENT + ": safety plan has no monitoring or support list, or an incomplete item");
            return new SafetyPlan(
                    supervision.stream().map(s -> new SafetyPlan.SupervisionItem(s.type(), s.description(), s.responsible())).toList(),
                    monitoring.stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                    support.stream().map(i -> new SafetyPlan.PlanItem(i.description(), i.responsible())).toList(),
                    childViews, reviewBy);
        }
    }

    private final StoredRecords records;

    public StoredSupportContent(StoredRecords records) {
        this.records = records;
    }

    public String write(Assessment a) {
        return records.write(new AssessmentV1(CURRENT_VERSION, a.typology(), a.continuumPosition(), a.vulnerabilityFactors(),
                a.protectiveFactors(), a.childViews(), a.parentsInvolvement(), a.specialistSupport(), a.formulation()));
    }

    public String write(SafetyPlan p) {
        return records.write(new SafetyPlanV1(CURRENT_VERSION,
                p.supervision().stream().map(s -> new SupervisionItemV1(s.type(), s.description(), s.responsible())).toList(),
                p.monitoring().stream().map(i -> new ItemV1(i.description(), i.responsible())).toList(),
                p.support().stream().map(i -> new ItemV1(i.description(), i.responsible())).toList(),
                p.childViews(), p.reviewBy()));
    }

    /** The assessment of the support record with this id. */
    public Assessment readAssessment(UUID recordId, String json) {
        return StoredRecords.ofRow(CONTENT, recordId, () -> read(json, AssessmentV1.class).toAssessment());
    }

    /** The safety plan of the support record with this id. */
    public SafetyPlan readSafetyPlan(UUID recordId, String json) {
        return StoredRecords.ofRow(CONTENT, recordId, () -> read(json, SafetyPlanV1.class).toPlan());
    }

    /** Every row of this column carries its version: one without is refused like an unknown version. */
    private <T> T read(String json, Class<T> type) {
        return records.read(records.parse(CONTENT, StoredRecords.SCHEMA_VERSION, json), CURRENT_VERSION, type, null);
    }

    private static boolean listOfValues(List<?> list) {
        return list != null && list.stream().allMatch(Objects::nonNull);
    }
}
