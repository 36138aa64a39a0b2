package uk.dsltriage.review;

import uk.dsltriage.vocabulary.ParentsNotInformedReason;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.vocabulary.Route;

/** A DSL's decision with its reasons. Never changed (the database refuses it): a newer decision supersedes. */
@Entity
@Table(name = "review_decision")
public class Decision {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, updatable = false)
    public UUID incidentId;

    @Column(name = "school_urn", nullable = false, updatable = false)
    public String schoolUrn;

    @Column(nullable = false, updatable = false)
    public int sequence;

    @Column(name = "recommendation_id", updatable = false)
    public UUID recommendationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public DecisionOutcome outcome;

    @Column(name = "accept_recommendation", nullable = false, updatable = false)
    public boolean acceptRecommendation;

    @Column(updatable = false)
    public String rationale;

    @Column(name = "parents_informed", nullable = false, updatable = false)
    public boolean parentsInformed;

    @Enumerated(EnumType.STRING)
    @Column(name = "parents_not_informed_reason", updatable = false)
    public ParentsNotInformedReason parentsNotInformedReason;

    @Column(name = "child_views", nullable = false, updatable = false)
    public String childViews;

    @Column(name = "child_views_weighed", nullable = false, updatable = false)
    public String childViewsWeighed;

    @Column(name = "review_by", updatable = false)
    public LocalDate reviewBy;

    @Column(name = "sufficient_information", updatable = false)
    public Boolean sufficientInformation;

    @Column(name = "risks_manageable_in_setting", updatable = false)
    public Boolean risksManageableInSetting;

    @Column(name = "headteacher_consulted", updatable = false)
    public Boolean headteacherConsulted;

    @Column(name = "decided_by", nullable = false, updatable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    public Instant decidedAt;

    /** The routes the decision takes: the recommendation's when accepted, else the DSL's choice (possibly none). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_decision_route", joinColumns = @JoinColumn(name = "decision_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "route", nullable = false)
    public Set<Route> routes = new LinkedHashSet<>();

    /** Further actions the DSL decided to take (names from the required-action vocabulary). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_decision_action", joinColumns = @JoinColumn(name = "decision_id"))
    @Column(name = "action", nullable = false)
    public Set<String> actions = new LinkedHashSet<>();
}
