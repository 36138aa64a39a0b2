package uk.dsltriage.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assessments and safety plans, always looked up within a school. */
@ApplicationScoped
public class ChildSupportRecordRepository implements PanacheRepositoryBase<ChildSupportRecord, UUID> {

    /** The newest version of one kind for a child and incident. */
    public Optional<ChildSupportRecord> current(SupportRecordKind kind, String schoolUrn, String childRef, UUID incidentId) {
        return find("kind = ?1 and schoolUrn = ?2 and childRef = ?3 and incidentId = ?4", Sort.descending("version"),
                kind, schoolUrn, childRef, incidentId).firstResultOptional();
    }

    /** Every version about the child in the school, oldest first. */
    public List<ChildSupportRecord> ofChild(String schoolUrn, String childRef) {
        return list("schoolUrn = ?1 and childRef = ?2", Sort.ascending("recordedAt", "version", "id"), schoolUrn, childRef);
    }

    /** Every version for these children of one incident, oldest first. */
    public List<ChildSupportRecord> ofIncident(String schoolUrn, UUID incidentId, List<String> childRefs) {
        return childRefs.isEmpty() ? List.of()
                : list("schoolUrn = ?1 and incidentId = ?2 and childRef in ?3", Sort.ascending("version"), schoolUrn,
                        incidentId, childRefs);
    }
}
