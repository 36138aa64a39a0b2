package uk.dsltriage.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Addenda of an incident the caller has already been allowed to reach (callers pass a scoped incident). */
@ApplicationScoped
public class AddendumRepository implements PanacheRepositoryBase<IncidentAddendum, UUID> {

    public List<IncidentAddendum> of(Incident incident) {
        return list("incidentId", Sort.ascending("sequence"), incident.id);
    }

    public java.util.Optional<IncidentAddendum> findByIdempotencyKey(Incident incident, String author, String key) {
        return find("incidentId = ?1 and recordedBy = ?2 and idempotencyKey = ?3", incident.id, author, key)
                .firstResultOptional();
    }

    public int nextSequence(Incident incident) {
        Integer max = getEntityManager()
                .createQuery("select max(a.sequence) from IncidentAddendum a where a.incidentId = :id", Integer.class)
                .setParameter("id", incident.id)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
