package uk.dsltriage.plans;

import uk.dsltriage.common.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.review.ReviewFlags;

/**
 * A child's current safety plan is flagged for review when new information about the child arrives after it was
 * recorded: a new incident the child takes part in, or an addendum to any incident the child takes part in (the
 * guidance: revisit the plan when new information arrives). Worked out when read, from the participant index, so
 * recording an incident or addendum does nothing extra; recording a new version of the plan clears the flag.
 */
@ApplicationScoped
public class SafetyPlanReviewFlags implements ReviewFlags {

    static final String KIND = SupportRecordKind.SAFETY_PLAN.name();

    private static final String FLAGGED = """
            with current_plan as (
                select distinct on (p.child_ref, p.incident_id) p.id, p.incident_id, p.child_ref, p.recorded_at
                  from child_support_record p
                 where p.school_urn = :school and p.kind = 'SAFETY_PLAN' %s
                 order by p.child_ref, p.incident_id, p.version desc
            ), news as (
                select ip.ref, i.id as incident_id, i.recorded_at as at
                  from incident_participant ip join incident i on i.id = ip.incident_id
                 where ip.school_urn = :school and i.school_urn = :school
                union all
                select ip.ref, a.incident_id, a.recorded_at
                  from incident_participant ip join incident_addendum a on a.incident_id = ip.incident_id
                 where ip.school_urn = :school
            )
            select c.id, c.incident_id, c.child_ref, min(n.at) as flagged_at,
                   (array_agg(n.incident_id order by n.at, n.incident_id))[1] as raised_by
              from current_plan c join news n on n.ref = c.child_ref and n.at > c.recorded_at
             group by c.id, c.incident_id, c.child_ref
             order by flagged_at, c.id
             limit :limit
            """;

    private final EntityManager em;

    public SafetyPlanReviewFlags(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public List<Flag> flagged(String schoolUrn, int limit) {
        return query(schoolUrn, "", null, null, limit);
    }

    /** The flags of the current plans of these children of one incident. */
    @Transactional
    public List<Flag> flagged(String schoolUrn, UUID incidentId, List<String> childRefs) {
        return childRefs.isEmpty() ? List.of()
                : query(schoolUrn, "and p.incident_id = :incident and p.child_ref in (:refs)", incidentId, childRefs,
                        childRefs.size());
    }

    private List<Flag> query(String schoolUrn, String filter, UUID incidentId, List<String> childRefs, int limit) {
        var query = em.createNativeQuery(FLAGGED.formatted(filter))
                .setParameter("school", schoolUrn)
                .setParameter("limit", limit);
        if (incidentId != null) {
            query.setParameter("incident", incidentId).setParameter("refs", childRefs);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Flag(KIND, (UUID) r[0], (UUID) r[1], (String) r[2], NativeValues.instant(r[3]), (UUID) r[4]))
                .toList();
    }
}
