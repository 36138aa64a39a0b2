package uk.dsltriage.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Tasks, always looked up within a school. */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<ReviewTask, UUID> {

    public Optional<ReviewTask> lockInSchool(String schoolUrn, UUID id) {
        return find("schoolUrn = ?1 and id = ?2", schoolUrn, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A referral's acknowledgement task; the referral was already found in the caller's scope. */
    public Optional<ReviewTask> lockOfReferral(UUID referralId) {
        return find("referralId = ?1", referralId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<ReviewTask> openOf(String schoolUrn, UUID incidentId) {
        return list("schoolUrn = ?1 and incidentId = ?2 and completedAt is null", schoolUrn, incidentId);
    }

    public List<ReviewTask> openAbout(String schoolUrn, UUID subjectId) {
        return find("schoolUrn = ?1 and subjectId = ?2 and completedAt is null", schoolUrn, subjectId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<ReviewTask> ofIncidents(String schoolUrn, List<UUID> incidentIds) {
        return incidentIds.isEmpty() ? List.of()
                : list("schoolUrn = ?1 and incidentId in ?2", Sort.ascending("createdAt"), schoolUrn, incidentIds);
    }

    /** A page in due order after the cursor position, for one status as of {@code now}; null status: every task not done. */
    public List<ReviewTask> page(String schoolUrn, TaskStatus status, Instant now, Instant afterDue, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("schoolUrn = :school");
        Parameters params = Parameters.with("school", schoolUrn);
        if (status == null) {
            where.append(" and completedAt is null");
        } else {
            switch (status) {
                case DONE -> where.append(" and completedAt is not null");
                case OVERDUE -> where.append(" and completedAt is null and dueAt < :now");
                case OPEN -> where.append(" and completedAt is null and dueAt >= :now");
            }
            if (status != TaskStatus.DONE) {
                params = params.and("now", now);
            }
        }
        if (afterDue != null) {
            where.append(" and (dueAt > :afterDue or (dueAt = :afterDue and id > :afterId))");
            params = params.and("afterDue", afterDue).and("afterId", afterId);
        }
        return find(where.toString(), Sort.ascending("dueAt", "id"), params).page(0, limit).list();
    }

    /** The school's done tasks, most recently completed first. */
    public List<ReviewTask> recentlyDone(String schoolUrn, int limit) {
        return find("schoolUrn = ?1 and completedAt is not null", Sort.descending("completedAt", "id"), schoolUrn)
                .page(0, limit).list();
    }

    /**
     * The recommendation each task follows, by task id: its decision's, else (a safety plan's review, which follows no
     * decision) the incident's current one. A task with neither is left out.
     */
    public Map<UUID, UUID> recommendationsOf(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> recommendations = new HashMap<>();
        getEntityManager().createQuery("select t.id, coalesce(d.recommendationId, i.currentRecommendationId) from ReviewTask t "
                        + "left join Decision d on d.id = t.decisionId join Incident i on i.id = t.incidentId "
                        + "where t.id in :ids", Object[].class)
                .setParameter("ids", taskIds)
                .getResultList().stream().filter(row -> row[1] != null)
                .forEach(row -> recommendations.put((UUID) row[0], (UUID) row[1]));
        return recommendations;
    }
}
