package uk.dsltriage.viewing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Viewing records of one incident. Callers reach an incident only through a scoped finder first
 * ({@code IncidentRepository.findInScope}); this repository is never given an incident id the caller could not reach.
 */
@ApplicationScoped
public class ViewingRecordRepository implements PanacheRepositoryBase<ViewingRecord, UUID> {

    public List<ViewingRecord> ofIncident(UUID incidentId) {
        return list("incidentId", Sort.ascending("recordedAt", "id"), incidentId);
    }
}
