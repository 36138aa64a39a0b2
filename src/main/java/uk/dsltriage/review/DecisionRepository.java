package uk.dsltriage.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Decisions, always looked up within a school. */
@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

    public List<Decision> history(String schoolUrn, UUID incidentId) {
        return list("schoolUrn = ?1 and incidentId = ?2", Sort.ascending("sequence"), schoolUrn, incidentId);
    }

    public Optional<Decision> current(String schoolUrn, UUID incidentId) {
        return find("schoolUrn = ?1 and incidentId = ?2", Sort.descending("sequence"), schoolUrn, incidentId)
                .firstResultOptional();
    }

    public List<Decision> ofIncidents(String schoolUrn, List<UUID> incidentIds) {
        return incidentIds.isEmpty() ? List.of()
                : list("schoolUrn = ?1 and incidentId in ?2", Sort.ascending("decidedAt"), schoolUrn, incidentIds);
    }

    public int nextSequence(UUID incidentId) {
        Integer max = getEntityManager()
                .createQuery("select max(d.sequence) from Decision d where d.incidentId = :id", Integer.class)
                .setParameter("id", incidentId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
