package uk.dsltriage.alerts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alerts, always looked up within one school. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** A page, newest first, after the cursor position (created, id), if any. */
    public List<Alert> page(String schoolUrn, Instant beforeCreated, UUID beforeId, int limit) {
        StringBuilder where = new StringBuilder("schoolUrn = :school");
        Parameters params = Parameters.with("school", schoolUrn);
        if (beforeCreated != null) {
            where.append(" and (createdAt < :created or (createdAt = :created and id < :id))");
            params = params.and("created", beforeCreated).and("id", beforeId);
        }
        return find(where.toString(), Sort.descending("createdAt", "id"), params).page(0, limit).list();
    }
}
