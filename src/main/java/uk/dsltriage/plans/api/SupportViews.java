package uk.dsltriage.plans.api;

import uk.dsltriage.plans.Assessment;
import uk.dsltriage.plans.ChildSupportRecord;
import uk.dsltriage.plans.ChildSupportService;
import uk.dsltriage.plans.SafetyPlan;

/** Maps the domain's support records to the wire. */
public final class SupportViews {

    private SupportViews() {
    }

    static SupportRecordView recorded(ChildSupportService.Recorded recorded) {
        ChildSupportRecord r = recorded.record();
        return view(r, recorded.assessment(), recorded.safetyPlan(), null, null,
                recorded.reviewTask() == null ? null
                        : new SupportRecordView.ReviewTaskRef(recorded.reviewTask().id, recorded.reviewTask().dueAt));
    }

    public static SupportRecordView version(ChildSupportService.Version v) {
        return view(v.record(), v.assessment(), v.safetyPlan(), v.supersededBy(),
                v.reviewFlag() == null ? null : new SupportRecordView.ReviewFlagView(v.reviewFlag().flaggedAt(), v.reviewFlag().raisedBy()),
                null);
    }

    private static SupportRecordView view(ChildSupportRecord r, Assessment a, SafetyPlan p, java.util.UUID supersededBy,
            SupportRecordView.ReviewFlagView flag, SupportRecordView.ReviewTaskRef task) {
        return new SupportRecordView(r.id, r.kind, r.childRef, r.incidentId, r.version, r.supersedesId, supersededBy,
                supersededBy == null, r.recordedBy, r.recordedAt, a == null ? null : assessment(a), p == null ? null : plan(p),
                flag, task);
    }

    private static SupportRecordView.AssessmentContentView assessment(Assessment a) {
        return new SupportRecordView.AssessmentContentView(a.typology(), a.continuumPosition(), a.vulnerabilityFactors(),
                a.protectiveFactors(), a.childViews(), a.parentsInvolvement(), a.specialistSupport(), a.formulation());
    }

    private static SupportRecordView.SafetyPlanContentView plan(SafetyPlan p) {
        return new SupportRecordView.SafetyPlanContentView(
                p.supervision().stream().map(s -> new SupervisionItemBody(s.type(), s.description(), s.responsible())).toList(),
                p.monitoring().stream().map(i -> new PlanItemBody(i.description(), i.responsible())).toList(),
                p.support().stream().map(i -> new PlanItemBody(i.description(), i.responsible())).toList(),
                p.childViews(), p.reviewBy());
    }
}
