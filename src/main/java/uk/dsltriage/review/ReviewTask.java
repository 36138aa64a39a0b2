package uk.dsltriage.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A route or required action of a decision, due by its urgency, a referral's acknowledgement, or a safety plan's
 * review date. Only its completion is ever written, once.
 */
@Entity
@Table(name = "review_task")
public class ReviewTask {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    /** The decision the task follows; null for a task about another record (see {@link #subjectId}). */
    @Column(name = "decision_id", updatable = false)
    public UUID decisionId;

    /** The record the task is about when it is not a decision's, e.g. the safety plan whose review date it is. */
    @Column(name = "subject_id", updatable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public TaskKind kind;

    @Column(nullable = false, updatable = false)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Urgency urgency;

    /** The referral whose acknowledgement this task waits for (REFERRAL_ACKNOWLEDGEMENT only). */
    @Column(name = "referral_id", updatable = false)
    public UUID referralId;

    @Column(name = "due_at", nullable = false, updatable = false)
    public Instant dueAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completion_note")
    public String completionNote;

    public TaskStatus statusAt(Instant now) {
        if (completedAt != null) {
            return TaskStatus.DONE;
        }
        return now.isAfter(dueAt) ? TaskStatus.OVERDUE : TaskStatus.OPEN;
    }

    public void complete(String by, String note, Instant now) {
        if (completedAt != null) {
            throw ProblemException.conflict("This task is already done.");
        }
        completedAt = now;
        completedBy = by;
        completionNote = note;
    }

    /** The route or required action this task carries out, as the vocabulary names it; empty for any other task. */
    public Optional<Enum<?>> vocabularyCode() {
        Enum<?>[] codes = kind == TaskKind.ROUTE ? Route.values()
                : kind == TaskKind.REQUIRED_ACTION ? RequiredAction.values() : new Enum<?>[0];
        return Arrays.stream(codes).filter(c -> c.name().equals(code)).findFirst();
    }
}
