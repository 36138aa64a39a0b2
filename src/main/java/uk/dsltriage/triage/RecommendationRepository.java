package uk.dsltriage.triage;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Recommendations of an incident the caller has already been allowed to reach. */
@ApplicationScoped
public class RecommendationRepository implements PanacheRepositoryBase<TriageRecommendation, UUID> {

    public List<TriageRecommendation> history(UUID incidentId) {
        return list("incidentId", Sort.ascending("sequence"), incidentId);
    }

    public Optional<TriageRecommendation> latest(UUID incidentId) {
        return find("incidentId", Sort.descending("sequence"), incidentId).firstResultOptional();
    }

    public List<TriageRecommendation> latestOf(List<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        return list("from TriageRecommendation r where r.incidentId in ?1 and r.sequence = "
                + "(select max(o.sequence) from TriageRecommendation o where o.incidentId = r.incidentId)", incidentIds);
    }

    /** The rule set (by its sha256) each of these recommendations was made under, by recommendation id. */
    public Map<UUID, String> ruleSetsOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select r.id, r.ruleSetSha256 from TriageRecommendation r where r.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }

    public int nextSequence(UUID incidentId) {
        Integer max = getEntityManager()
                .createQuery("select max(r.sequence) from TriageRecommendation r where r.incidentId = :id", Integer.class)
                .setParameter("id", incidentId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
