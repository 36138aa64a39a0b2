package uk.dsltriage.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.dsltriage.incident.SupportRecords;
import uk.dsltriage.review.ReviewFlags;

/** The incident's view of its children's assessments and safety plans: the current versions and the review flag. */
@ApplicationScoped
public class PlanSupportRecords implements SupportRecords {

    private final ChildSupportRecordRepository records;
    private final SafetyPlanReviewFlags flags;

    public PlanSupportRecords(ChildSupportRecordRepository records, SafetyPlanReviewFlags flags) {
        this.records = records;
        this.flags = flags;
    }

    @Override
    @Transactional
    public Map<String, Current> currentFor(String schoolUrn, UUID incidentId, Collection<String> normalisedRefs) {
        List<String> refs = List.copyOf(normalisedRefs);
        Map<String, ChildSupportRecord> assessments = new HashMap<>();
        Map<String, ChildSupportRecord> plans = new HashMap<>();
        // Oldest version first, so the last one put is the current one.
        for (ChildSupportRecord r : records.ofIncident(schoolUrn, incidentId, refs)) {
            (r.kind == SupportRecordKind.ASSESSMENT ? assessments : plans).put(r.childRef, r);
        }
        Set<UUID> flagged = flags.flagged(schoolUrn, incidentId, refs).stream().map(ReviewFlags.Flag::recordId)
                .collect(Collectors.toSet());
        Map<String, Current> current = new HashMap<>();
        for (String ref : refs) {
            ChildSupportRecord a = assessments.get(ref);
            ChildSupportRecord p = plans.get(ref);
            if (a != null || p != null) {
                current.put(ref, new Current(a == null ? null : a.id, a == null ? null : a.version, a == null ? null : a.recordedAt,
                        p == null ? null : p.id, p == null ? null : p.version, p == null ? null : p.reviewBy,
                        p != null && flagged.contains(p.id)));
            }
        }
        return current;
    }
}
