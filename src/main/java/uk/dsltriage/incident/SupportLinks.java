package uk.dsltriage.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/**
 * Links an incident's recommendation to what it asks for each child: whether the assessment and safety plan exist.
 * Only DSLs and headteachers learn it: for anyone else (staff) there is nothing to show, not even that none exist.
 */
@ApplicationScoped
public class SupportLinks {

    /** A child concerned with the current versions of their records ({@link SupportRecords.Current#NONE}: none). */
    public record ChildSupport(SupportNeeds.ChildConcerned child, SupportRecords.Current current) {
    }

    private final Instance<SupportRecords> records;

    public SupportLinks(@Any Instance<SupportRecords> records) {
        this.records = records;
    }

    public Optional<List<ChildSupport>> of(AccessScope scope, UUID incidentId, List<SupportNeeds.Participant> participants,
            Set<Route> routes, Set<RequiredAction> actions) {
        if (!scope.seesWholeSchool() || scope.schoolUrn() == null) {
            return Optional.empty();
        }
        List<SupportNeeds.ChildConcerned> concerned = SupportNeeds.of(participants, routes, actions);
        Map<String, SupportRecords.Current> current = new HashMap<>();
        if (!concerned.isEmpty()) {
            List<String> refs = concerned.stream().map(SupportNeeds.ChildConcerned::ref).toList();
            records.forEach(source -> current.putAll(source.currentFor(scope.schoolUrn(), incidentId, refs)));
        }
        return Optional.of(concerned.stream()
                .map(c -> new ChildSupport(c, current.getOrDefault(c.ref(), SupportRecords.Current.NONE)))
                .toList());
    }
}
