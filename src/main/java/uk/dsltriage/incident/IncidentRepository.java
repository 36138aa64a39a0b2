package uk.dsltriage.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.IncidentType;

/**
 * Incident queries, always within the caller's school and, for staff, their own records. There is deliberately no
 * unscoped finder here.
 */
@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    public Optional<Incident> findInScope(UUID id, AccessScope scope) {
        return find(scoped("i.id = :id", scope), scopeParams(scope).and("id", id)).firstResultOptional();
    }

    /** Same as {@link #findInScope} but locks the row, so concurrent addenda are numbered one after another. */
    public Optional<Incident> lockInScope(UUID id, AccessScope scope) {
        return find(scoped("i.id = :id", scope), scopeParams(scope).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Incident> findAllInScope(List<UUID> ids, AccessScope scope) {
        return ids.isEmpty() ? List.of() : list(scoped("i.id in :ids", scope), scopeParams(scope).and("ids", ids));
    }

    public Optional<Incident> findByIdempotencyKey(AccessScope scope, String key) {
        return find("from Incident i where i.schoolUrn = :school and i.recordedBy = :author and i.idempotencyKey = :key",
                Parameters.with("school", scope.schoolUrn()).and("author", scope.actor()).and("key", key))
                .firstResultOptional();
    }

    public List<Incident> page(AccessScope scope, IncidentStatus status, IncidentType type, int page, int size) {
        Filter filter = filter(scope, status, type);
        return find(filter.query, Sort.descending("recordedAt", "id"), filter.params).page(page, size).list();
    }

    public long count(AccessScope scope, IncidentStatus status, IncidentType type) {
        Filter filter = filter(scope, status, type);
        return count(filter.query, filter.params);
    }

    private record Filter(String query, Parameters params) {
    }

    private Filter filter(AccessScope scope, IncidentStatus status, IncidentType type) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = scopeParams(scope);
        if (status != null) {
            where.append(" and i.status = :status");
            params = params.and("status", status);
        }
        if (type != null) {
            where.append(" and :type member of i.types");
            params = params.and("type", type);
        }
        return new Filter(scoped(where.toString(), scope), params);
    }

    private static String scoped(String condition, AccessScope scope) {
        String author = scope.authorRestriction().isPresent() ? " and i.recordedBy = :author" : "";
        return "from Incident i where i.schoolUrn = :school" + author + " and (" + condition + ")";
    }

    private static Parameters scopeParams(AccessScope scope) {
        Parameters params = Parameters.with("school", requireSchool(scope));
        return scope.authorRestriction().map(author -> params.and("author", author)).orElse(params);
    }

    private static String requireSchool(AccessScope scope) {
        if (scope.schoolUrn() == null) {
            throw new IllegalArgumentException("incident queries need a school scope");
        }
        return scope.schoolUrn();
    }
}
