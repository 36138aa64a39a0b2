package uk.dsltriage.review;

import uk.dsltriage.common.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageService;

/**
 * The DSL's queue: the school's incidents awaiting a decision, most urgent first, then longest waiting. Ordered and
 * paged in SQL on the incident's urgency column (no JSON is read).
 */
@ApplicationScoped
public class ReviewQueue {

    /** The urgency rank, written as the index incident_review_queue_ranked (V17) holds it. */
    private static final String RANK = "case i.current_urgency when 'EMERGENCY_NOW' then 0 when 'IMMEDIATE' then 1 "
            + "when 'SAME_DAY' then 2 when 'WITHIN_1_WORKING_DAY' then 3 when 'BY_CLOSE_NEXT_WORKING_DAY' then 4 "
            + "when 'WITHIN_5_DAYS' then 5 when 'REVIEW' then 6 else 7 end";

    private final EntityManager em;
    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final Clock clock;
    private final Instance<ReviewFlags> flags;
    private final TriageService triage;

    /** Flagged records shown with the first page: enough for a school, bounded for the response. */
    static final int MAX_FLAGGED = 200;

    public ReviewQueue(EntityManager em, IncidentRepository incidents, AuditLog audit, Clock clock,
            @Any Instance<ReviewFlags> flags, TriageService triage) {
        this.flags = flags;
        this.triage = triage;
        this.em = em;
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code words}: those of the rule set the incident's current recommendation was made under. */
    public record Entry(Incident incident, long overdueTasks, Instant earliestOverdueDue, RuleSetWords words) {
    }

    /** {@code flagged}: records other than incidents awaiting review, with the first page only (empty on later ones). */
    public record Page(List<Entry> entries, Cursor next, List<ReviewFlags.Flag> flagged) {
    }

    @Transactional
    public Page page(AccessScope scope, Cursor after, int size) {
        Instant now = Instant.now(clock);
        var query = em.createNativeQuery(pageQuery(after != null))
                .setParameter("school", scope.schoolUrn())
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", size + 1);
        if (after != null) {
            query.setParameter("rank", after.rank()).setParameter("at", Timestamp.from(after.at())).setParameter("id", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > size;
        List<Object[]> pageRows = more ? rows.subList(0, size) : rows;
        List<UUID> ids = pageRows.stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Incident> byId = incidents.findAllInScope(ids, scope).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<UUID, RuleSetWords> words = triage.wordsOf(byId.values().stream().map(i -> i.currentRecommendationId)
                .filter(java.util.Objects::nonNull).toList());
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : pageRows) {
            Incident incident = byId.get((UUID) row[0]);
            if (incident != null) {
                entries.add(new Entry(incident, ((Number) row[3]).longValue(), NativeValues.instant(row[4]),
                        words.getOrDefault(incident.currentRecommendationId, RuleSetWords.NONE)));
            }
        }
        Cursor next = null;
        if (more) {
            Object[] last = pageRows.get(pageRows.size() - 1);
            next = new Cursor(((Number) last[1]).intValue(), NativeValues.instant(last[2]), (UUID) last[0]);
        }
        List<ReviewFlags.Flag> flagged = new ArrayList<>();
        if (after == null) {
            flags.forEach(source -> flagged.addAll(source.flagged(scope.schoolUrn(), MAX_FLAGGED)));
            flagged.sort(java.util.Comparator.comparing(ReviewFlags.Flag::flaggedAt));
        }
        audit.record(scope, AuditAction.REVIEW_QUEUE_READ, ObjectKind.INCIDENT, null);
        return new Page(entries, next, List.copyOf(flagged.subList(0, Math.min(flagged.size(), MAX_FLAGGED))));
    }

    /** A page of the queue (after a cursor or not): parameters school, now, limit, and rank, at, id after a cursor. */
    static String pageQuery(boolean afterCursor) {
        String keyset = afterCursor ? " and ((" + RANK + "), i.awaiting_since, i.id) > (:rank, :at, :id)" : "";
        return "select i.id, " + RANK + " as rank, i.awaiting_since, "
                + "(select count(*) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < :now), "
                + "(select min(t.due_at) from review_task t where t.incident_id = i.id and t.completed_at is null and t.due_at < :now) "
                + "from incident i where i.school_urn = :school and i.status in ('AWAITING_DSL_REVIEW', 'IN_REVIEW')" + keyset
                + " order by 2, 3, 1 limit :limit";
    }
}
