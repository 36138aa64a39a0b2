package uk.dsltriage.plans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import uk.dsltriage.review.ChildHistory;
import uk.dsltriage.review.Chronology;

/** A child's assessments and safety plans in their chronology: codes only (typology, continuum position). */
@ApplicationScoped
public class PlansChildHistory implements ChildHistory {

    private final ChildSupportRecordRepository records;
    private final StoredSupportContent content;

    public PlansChildHistory(ChildSupportRecordRepository records, StoredSupportContent content) {
        this.records = records;
        this.content = content;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Chronology.Entry> entries(String schoolUrn, String normalisedChildRef) {
        return records.ofChild(schoolUrn, normalisedChildRef).stream().map(this::entry).toList();
    }

    private Chronology.Entry entry(ChildSupportRecord r) {
        if (r.kind == SupportRecordKind.ASSESSMENT) {
            Assessment a = content.readAssessment(r.id, r.content);
            return new Chronology.Entry(r.recordedAt, Chronology.Kind.ASSESSMENT_RECORDED, r.incidentId, r.id, r.recordedBy,
                    List.of(a.typology().name(), a.continuumPosition().name()));
        }
        return new Chronology.Entry(r.recordedAt, Chronology.Kind.SAFETY_PLAN_RECORDED, r.incidentId, r.id, r.recordedBy,
                List.of());
    }
}
