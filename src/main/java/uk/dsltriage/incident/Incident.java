package uk.dsltriage.incident;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A concern as first recorded. The account and the original facts are never changed: later information is an
 * {@link IncidentAddendum}. Never serialised to clients; the API maps it to view records.
 * <p>
 * The incident owns its review lifecycle: {@link #beginReview}, {@link #decided}, {@link #close}, {@link #reopen},
 * and {@link #adopt} of a new recommendation, which sends a decided or closed incident back to the DSL queue when the
 * recommendation changed. Illegal transitions are refused as conflicts (409). {@link #version} is the ETag.
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Location location;

    @Column(nullable = false, updatable = false)
    public String account;

    @Column(name = "child_voice", updatable = false)
    public String childVoice;

    /** The triage facts as recorded, as JSON; revised facts live on addenda. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "facts", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String factsJson;

    /** Image metadata (never image content), as JSON, or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_metadata", updatable = false, columnDefinition = "jsonb")
    public String imageMetadataJson;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_type", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    public Set<IncidentType> types = new LinkedHashSet<>();

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_sha256", updatable = false)
    public String requestSha256;

    @Column(name = "current_recommendation_id")
    public UUID currentRecommendationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_urgency")
    public Urgency currentUrgency;

    /** The routes of the current recommendation, as rows (the queue and deadline queries read them in SQL). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_current_route", joinColumns = @JoinColumn(name = "incident_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "route", nullable = false)
    public Set<Route> currentRoutes = new LinkedHashSet<>();

    /** Since when the incident has waited for a DSL: recording, the last requeue or the last reopening. */
    @Column(name = "awaiting_since", nullable = false)
    public Instant awaitingSince;

    @Column(name = "current_decision_id")
    public UUID currentDecisionId;

    @Column(name = "downgrade_removed_routes")
    public String downgradeRemovedRoutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "downgrade_previous_urgency")
    public Urgency downgradePreviousUrgency;

    @Column(name = "downgraded_at")
    public Instant downgradedAt;

    public String etag() {
        return "\"" + version + "\"";
    }

    public void beginReview() {
        require("begin a review of", IncidentStatus.AWAITING_DSL_REVIEW);
        status = IncidentStatus.IN_REVIEW;
    }

    /** A decision was recorded; a later decision supersedes an earlier one, so a decided incident may be decided again. */
    public void decided(UUID decisionId) {
        require("record a decision on", IncidentStatus.AWAITING_DSL_REVIEW, IncidentStatus.IN_REVIEW, IncidentStatus.DECIDED);
        status = IncidentStatus.DECIDED;
        currentDecisionId = decisionId;
        clearDowngrade();
    }

    public void close() {
        require("close", IncidentStatus.DECIDED);
        status = IncidentStatus.CLOSED;
    }

    public void reopen(Instant now) {
        require("reopen", IncidentStatus.CLOSED);
        status = IncidentStatus.AWAITING_DSL_REVIEW;
        awaitingSince = now;
    }

    /**
     * Makes a new recommendation the current one. When it differs from the previous one, a DSL must look again: the
     * incident returns to the queue, and a removed route or lowered urgency is flagged as a downgrade (never cancelling
     * a task). Returns the downgrade, if any.
     */
    public Downgrade adopt(UUID recommendationId, Urgency urgency, List<Route> routes, boolean changed, Instant now) {
        Downgrade step = currentRecommendationId == null ? Downgrade.NONE
                : Downgrade.between(currentUrgency, currentRoutes, urgency, routes);
        Downgrade merged = step.mergedWith(pendingDowngrade(), routes, urgency);
        currentRecommendationId = recommendationId;
        currentUrgency = urgency;
        currentRoutes.clear();
        currentRoutes.addAll(routes);
        if (changed && status != IncidentStatus.AWAITING_DSL_REVIEW) {
            status = IncidentStatus.AWAITING_DSL_REVIEW;
            awaitingSince = now;
        }
        if (!merged.isDowngrade()) {
            clearDowngrade();
            return Downgrade.NONE;
        }
        downgradeRemovedRoutes = merged.removedRoutesText();
        downgradePreviousUrgency = merged.previousUrgency();
        if (step.isDowngrade() || downgradedAt == null) {
            downgradedAt = now;
        }
        return merged;
    }

    /** The downgrade no DSL has decided on yet, or {@link Downgrade#NONE}. */
    public Downgrade pendingDowngrade() {
        return downgradedAt == null ? Downgrade.NONE : Downgrade.of(downgradeRemovedRoutes, downgradePreviousUrgency, currentUrgency);
    }

    public boolean isOpen() {
        return status == IncidentStatus.AWAITING_DSL_REVIEW || status == IncidentStatus.IN_REVIEW;
    }

    private void clearDowngrade() {
        downgradeRemovedRoutes = null;
        downgradePreviousUrgency = null;
        downgradedAt = null;
    }

    private void require(String what, IncidentStatus... allowed) {
        if (!EnumSet.copyOf(List.of(allowed)).contains(status)) {
            throw ProblemException.conflict("Cannot " + what + " an incident in status " + status + ".");
        }
    }
}
