package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.List;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.api.DowngradeView;
import uk.dsltriage.review.Chronology;
import uk.dsltriage.review.Decision;
import uk.dsltriage.review.DecisionService;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.ReviewQueue;
import uk.dsltriage.review.ReviewTask;
import uk.dsltriage.triage.Advice;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.facts.AttestationBody;

/** Maps the review's domain values to the API's records. */
public final class ReviewViews {

    private ReviewViews() {
    }

    /** A decision, its routes in the words of the rule set of the recommendation it was made on. */
    public static DecisionView decision(Decision d, RuleSetWords words) {
        AttestationBody attestation = d.sufficientInformation == null && d.risksManageableInSetting == null
                && d.headteacherConsulted == null ? null
                : new AttestationBody(d.sufficientInformation, d.risksManageableInSetting, d.headteacherConsulted);
        return new DecisionView(d.id, d.incidentId, d.sequence, d.recommendationId, d.outcome, Labels.of(d.outcome),
                d.acceptRecommendation, CodeLabel.all(d.routes, words), d.rationale, d.parentsInformed, d.parentsNotInformedReason,
                d.childViews, d.childViewsWeighed, d.reviewBy, attestation, List.copyOf(d.actions), d.decidedBy, d.decidedAt);
    }

    /** A task, a route or required action in the words of the rule set of the recommendation it follows. */
    public static TaskView task(ReviewTask t, Instant now, RuleSetWords words) {
        return new TaskView(t.id, t.incidentId, t.decisionId, t.subjectId, t.kind, t.code, label(t, words), t.urgency, t.dueAt,
                t.statusAt(now), t.completedAt, t.completedBy, t.completionNote, t.referralId);
    }

    private static String label(ReviewTask t, RuleSetWords words) {
        return switch (t.kind) {
            case DECISION_REVIEW -> "Review the decision (" + Labels.of(t.code).toLowerCase(java.util.Locale.ROOT) + ")";
            case REFERRAL_ACKNOWLEDGEMENT -> "Local authority to acknowledge the " + Labels.of(t.code) + " referral";
            default -> t.vocabularyCode().map(code -> CodeLabel.of(code, words).label()).orElseGet(() -> Labels.of(t.code));
        };
    }

    public static ReviewView review(DecisionService.ReviewState state) {
        Incident incident = state.incident();
        Advice advice = state.advice();
        return new ReviewView(incident.id, incident.status, incident.etag(), incident.awaitingSince,
                CodeLabel.of(incident.currentUrgency, state.words()), CodeLabel.all(incident.currentRoutes, state.words()),
                advice == null ? List.of() : CodeLabel.all(advice.requiredActions(), state.words()),
                advice == null ? List.of() : CodeLabel.all(advice.forbiddenActions(), state.words()),
                DowngradeView.of(incident.pendingDowngrade()),
                state.decisions().stream().map(d -> decision(d, state.wordsOf(d.id))).toList(),
                state.tasks().stream().map(t -> task(t, state.now(), state.wordsOf(t.id))).toList());
    }

    public static ChronologyEntryView chronologyEntry(Chronology.Entry e) {
        return new ChronologyEntryView(e.at(), e.kind(), e.incidentId(), e.recordId(), e.actor(),
                e.codes().stream().map(code -> new CodeLabel(code,
                        e.words().containsKey(code) ? e.words().get(code).label() : Labels.of(code))).toList());
    }

    public static QueueItemView queueItem(ReviewQueue.Entry entry) {
        Incident i = entry.incident();
        return new QueueItemView(i.id, i.status, i.etag(), CodeLabel.all(i.types), CodeLabel.of(i.currentUrgency, entry.words()),
                CodeLabel.all(i.currentRoutes, entry.words()), i.occurredAt, i.awaitingSince, DowngradeView.of(i.pendingDowngrade()),
                entry.overdueTasks(), entry.earliestOverdueDue());
    }
}
