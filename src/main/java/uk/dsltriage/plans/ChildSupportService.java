package uk.dsltriage.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.incident.ParticipantIndex;
import uk.dsltriage.review.Deadlines;
import uk.dsltriage.review.ReviewFlags;
import uk.dsltriage.review.ReviewTask;
import uk.dsltriage.review.TaskService;
import uk.dsltriage.security.AccessScope;

/**
 * Records a child's risk and needs assessment and safety plan for an incident, as new versions that supersede the
 * previous one (nothing is overwritten), and reads them back within the caller's school. A plan's review date becomes
 * a task through {@link TaskService}; the superseded version's review task is completed by the new version.
 */
@ApplicationScoped
public class ChildSupportService {

    /** The furthest a review date may be set: a plan is revisited at least yearly. */
    static final int MAX_REVIEW_DAYS_AHEAD = 366;

    private final ChildSupportRecordRepository records;
    private final IncidentRepository incidents;
    private final StoredSupportContent content;
    private final TaskService tasks;
    private final SafetyPlanReviewFlags flags;
    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;

    public ChildSupportService(ChildSupportRecordRepository records, IncidentRepository incidents, StoredSupportContent content,
            TaskService tasks, SafetyPlanReviewFlags flags, EntityManager em, AuditLog audit, Clock clock) {
        this.records = records;
        this.incidents = incidents;
        this.content = content;
        this.tasks = tasks;
        this.flags = flags;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** A version as recorded, with the review task a safety plan's review date became (null for an assessment). */
    public record Recorded(ChildSupportRecord record, Assessment assessment, SafetyPlan safetyPlan, ReviewTask reviewTask) {
    }

    @Transactional
    public Recorded recordAssessment(AccessScope scope, String childRef, UUID incidentId, Assessment assessment) {
        Instant now = Instant.now(clock);
        ChildSupportRecord record = newVersion(scope, SupportRecordKind.ASSESSMENT, childRef, incidentId, now);
        record.content = content.write(assessment);
        records.persist(record);
        audit.record(scope, AuditAction.ASSESSMENT_RECORDED, ObjectKind.ASSESSMENT, record.id);
        return new Recorded(record, assessment, null, null);
    }

    @Transactional
    public Recorded recordSafetyPlan(AccessScope scope, String childRef, UUID incidentId, SafetyPlan plan) {
        Instant now = Instant.now(clock);
        if (plan.supervision().isEmpty() && plan.monitoring().isEmpty() && plan.support().isEmpty()) {
            throw ProblemException.invalid("monitoring", "a safety plan needs at least one item of supervision, monitoring or support");
        }
        ChildSupportRecord record = newVersion(scope, SupportRecordKind.SAFETY_PLAN, childRef, incidentId, now);
        checkReviewBy(plan.reviewBy(), now);
        record.reviewBy = plan.reviewBy();
        record.content = content.write(plan);
        records.persist(record);
        if (record.supersedesId != null) {
            tasks.closeSafetyPlanReview(scope.schoolUrn(), record.supersedesId, scope.actor(),
                    "Reviewed: superseded by safety plan version " + record.version + ".", now);
        }
        ReviewTask task = tasks.scheduleSafetyPlanReview(scope.schoolUrn(), incidentId, record.id, plan.reviewBy(), now);
        audit.record(scope, AuditAction.SAFETY_PLAN_RECORDED, ObjectKind.SAFETY_PLAN, record.id);
        return new Recorded(record, null, plan, task);
    }

    /** One version with what is known about it now. */
    public record Version(ChildSupportRecord record, Assessment assessment, SafetyPlan safetyPlan, UUID supersededBy,
            ReviewFlags.Flag reviewFlag) {

        public boolean current() {
            return supersededBy == null;
        }
    }

    /** Every assessment and safety plan about the child in the caller's school, oldest first; 404 for an unknown child. */
    @Transactional
    public List<Version> ofChild(AccessScope scope, String childRef) {
        String child = ParticipantIndex.normalise(childRef);
        if (!knownInSchool(scope.schoolUrn(), child)) {
            throw ProblemException.notFound();
        }
        List<ChildSupportRecord> rows = records.ofChild(scope.schoolUrn(), child);
        Map<UUID, UUID> supersededBy = rows.stream().filter(r -> r.supersedesId != null)
                .collect(Collectors.toMap(r -> r.supersedesId, r -> r.id));
        Map<UUID, ReviewFlags.Flag> flagged = new HashMap<>();
        rows.stream().map(r -> r.incidentId).distinct().forEach(incident ->
                flags.flagged(scope.schoolUrn(), incident, List.of(child)).forEach(f -> flagged.put(f.recordId(), f)));
        audit.record(scope, AuditAction.CHILD_PLANS_READ, ObjectKind.CHILD, null);
        return rows.stream().map(r -> new Version(r,
                r.kind == SupportRecordKind.ASSESSMENT ? content.readAssessment(r.id, r.content) : null,
                r.kind == SupportRecordKind.SAFETY_PLAN ? content.readSafetyPlan(r.id, r.content) : null,
                supersededBy.get(r.id), flagged.get(r.id))).toList();
    }

    private ChildSupportRecord newVersion(AccessScope scope, SupportRecordKind kind, String childRef, UUID incidentId,
            Instant now) {
        // The lock orders concurrent versions for the incident; another school's incident is 404, like a missing one.
        Incident incident = incidents.lockInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        String child = ParticipantIndex.normalise(childRef);
        if (!participates(incident, child)) {
            throw ProblemException.invalid("incidentId", "the child is not a participant of this incident");
        }
        Optional<ChildSupportRecord> previous = records.current(kind, incident.schoolUrn, child, incident.id);
        ChildSupportRecord record = new ChildSupportRecord();
        record.id = UUID.randomUUID();
        record.kind = kind;
        record.schoolUrn = incident.schoolUrn;
        record.childRef = child;
        record.incidentId = incident.id;
        record.version = previous.map(p -> p.version + 1).orElse(1);
        record.supersedesId = previous.map(p -> p.id).orElse(null);
        record.recordedBy = scope.actor();
        record.recordedAt = now;
        return record;
    }

    private static void checkReviewBy(LocalDate reviewBy, Instant now) {
        LocalDate today = now.atZone(Deadlines.ENGLAND).toLocalDate();
        if (reviewBy.isBefore(today)) {
            throw ProblemException.invalid("reviewBy", "must be today or later");
        }
        if (reviewBy.isAfter(today.plusDays(MAX_REVIEW_DAYS_AHEAD))) {
            throw ProblemException.invalid("reviewBy", "must be within a year: a safety plan is reviewed at least yearly");
        }
    }

    private boolean participates(Incident incident, String child) {
        return !em.createNativeQuery("select 1 from incident_participant where incident_id = ?1 and school_urn = ?2 and ref = ?3")
                .setParameter(1, incident.id).setParameter(2, incident.schoolUrn).setParameter(3, child)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private boolean knownInSchool(String schoolUrn, String child) {
        return !em.createNativeQuery("select 1 from incident_participant where school_urn = ?1 and ref = ?2")
                .setParameter(1, schoolUrn).setParameter(2, child).setMaxResults(1).getResultList().isEmpty();
    }
}
