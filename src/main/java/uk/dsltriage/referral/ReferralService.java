package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.ConstraintNames;
import uk.dsltriage.common.IdempotencyKey;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.review.TaskService;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;

/** The school's side of referrals: the DSL sends them and sees what came back. */
@ApplicationScoped
public class ReferralService {

    private final ReferralEligibility eligibility;
    private final IncidentRecommendations incidents;
    private final ReferralRepository referrals;
    private final ReferralOutcomeRepository outcomes;
    private final ChildIdentityVault identities;
    private final ReferralFeedPositions positions;
    private final ReferralDocuments documents;
    private final TaskService tasks;
    private final AuditLog audit;
    private final StoredRecords json;
    private final Clock clock;

    public ReferralService(ReferralEligibility eligibility, IncidentRecommendations incidents, ReferralRepository referrals,
            ReferralOutcomeRepository outcomes, ChildIdentityVault identities, ReferralFeedPositions positions,
            ReferralDocuments documents, TaskService tasks, AuditLog audit, StoredRecords json, Clock clock) {
        this.eligibility = eligibility;
        this.incidents = incidents;
        this.referrals = referrals;
        this.outcomes = outcomes;
        this.identities = identities;
        this.positions = positions;
        this.documents = documents;
        this.tasks = tasks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A sent referral, and whether it is the replay of an earlier call with the same Idempotency-Key. */
    public record Sent(SentReferral referral, boolean replayed) {
    }

    /**
     * Sends a referral once per Idempotency-Key, as intake records an incident: a retry gets the referral that was
     * sent; a concurrent call that lost the race on the unique constraint gets it too, read in a new transaction
     * (its own was rolled back, feed position and all); the key with another request is a 422.
     */
    public Sent send(AccessScope school, UUID incidentId, SendReferral request, String idempotencyKey) {
        try {
            return sendInTransaction(school, incidentId, request, idempotencyKey);
        } catch (RuntimeException e) {
            if (idempotencyKey == null || !ConstraintNames.violated(e, "referral_idempotency_key_unique")) {
                throw e;
            }
            return replay(school, idempotencyKey, fingerprint(incidentId, request)).orElseThrow(() -> e);
        }
    }

    @Transactional
    Sent sendInTransaction(AccessScope school, UUID incidentId, SendReferral request, String idempotencyKey) {
        IncidentRecommendations.Current current = incidents.current(school, incidentId).orElseThrow(ProblemException::notFound);
        String requestHash = idempotencyKey == null ? null : fingerprint(current.incidentId(), request);
        if (idempotencyKey != null) {
            Optional<Sent> replay = replay(school, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Set<ReferralKind> decided = eligibility.decidedKinds(school, incidentId);
        if (!decided.contains(request.kind())) {
            throw ProblemException.conflict("The incident's decision does not include a referral route of this kind. "
                    + "Referral kinds it allows: " + (decided.isEmpty() ? "none" : decided) + ".");
        }
        ReferralContent.Concerns concerns = withCensusFactors(request.concerns(), current);
        validate(request, concerns);

        Recommendation rec = current.recommendation();
        ReferralContent form = new ReferralContent(request.referrer(), request.phoneReferralMade(), request.phoneReferralAt(),
                request.consent(), request.parentsInformed(), request.parentsNotInformedReason(), request.child().participantRef(),
                request.professionals() == null ? List.of() : request.professionals(), concerns,
                new ReferralContent.RecommendationSummary(rec.ruleSetId(), rec.ruleSetVersion(), rec.routes(), rec.urgency()),
                request.decisionRationale(), request.thresholdLevel());
        ChildIdentity identity = identity(request.child());
        identities.store(school.schoolUrn(), request.child().ref(), identity);

        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.incidentId = current.incidentId();
        referral.schoolUrn = school.schoolUrn();
        referral.laCode = request.laCode();
        referral.kind = request.kind();
        referral.childRef = request.child().ref();
        referral.urgency = request.urgency() != null ? request.urgency() : rec.urgency();
        referral.contentJson = documents.storable(form);
        // The text sent is the form as the API writes it, apart from the storage record (no version in it).
        referral.formJson = ReferralDocuments.storableAsSent(json.writeAsApi(form));
        referral.createdBy = school.actor();
        referral.createdAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        referral.idempotencyKey = idempotencyKey;
        referral.requestSha256 = requestHash;
        referral.acknowledgementDueAt = tasks.referralAcknowledgementDue(referral.createdAt);
        audit.record(school, AuditAction.REFERRAL_SENT, ObjectKind.REFERRAL, referral.id);
        ReferralDetails document = documents.details(referral, identity, form);

        // Last, so the authority's feed counter is locked only until the commit that follows (ReferralFeedPositions).
        referral.feedPosition = positions.next(referral.laCode);
        referrals.persist(referral);
        tasks.openReferralAcknowledgement(referral.schoolUrn, referral.incidentId, referral.id, referral.kind.name(),
                referral.createdAt, referral.acknowledgementDueAt);
        // Inserted in the order persisted (the task references the referral). A concurrent retry with the same key
        // fails here, on the unique constraint.
        referrals.flush();
        return new Sent(new SentReferral(referral.incidentId, referral.createdBy, document, null, false, List.of()), false);
    }

    /** An earlier referral sent by this DSL with this key; used again after losing a race on the unique constraint. */
    @Transactional
    Optional<Sent> replay(AccessScope school, String idempotencyKey, String requestHash) {
        return referrals.findByIdempotencyKey(school, idempotencyKey).map(existing -> {
            if (!existing.requestSha256.equals(requestHash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different referral. Use a new key for a new referral.");
            }
            audit.record(school, AuditAction.REFERRAL_REPLAYED, ObjectKind.REFERRAL, existing.id);
            return new Sent(view(existing, Instant.now(clock)), true);
        });
    }

    /** The incident is part of what was asked: the same body sent for another incident is another request. */
    private String fingerprint(UUID incidentId, SendReferral request) {
        return IdempotencyKey.fingerprint(incidentId + "|" + json.writeAsApi(request));
    }

    @Transactional
    public List<SentReferral> ofIncident(AccessScope school, UUID incidentId) {
        IncidentRecommendations.Current current = incidents.current(school, incidentId).orElseThrow(ProblemException::notFound);
        audit.record(school, AuditAction.REFERRALS_READ, ObjectKind.INCIDENT, current.incidentId());
        Instant now = Instant.now(clock);
        return referrals.ofIncident(school, current.incidentId()).stream().map(r -> view(r, now)).toList();
    }

    /** The school's referrals, most recently sent first, as {@link #ofIncident} shows each (the console's list). */
    @Transactional
    public List<SentReferral> ofSchool(AccessScope school, int limit) {
        audit.record(school, AuditAction.REFERRALS_READ, ObjectKind.REFERRAL, null);
        Instant now = Instant.now(clock);
        return referrals.ofSchool(school, limit).stream().map(r -> view(r, now)).toList();
    }

    /** One referral of the school; another school's is missing (404). */
    @Transactional
    public SentReferral one(AccessScope school, UUID referralId) {
        Referral referral = referrals.findInSchool(school, referralId).orElseThrow(ProblemException::notFound);
        audit.record(school, AuditAction.REFERRAL_READ, ObjectKind.REFERRAL, referral.id);
        return view(referral, Instant.now(clock));
    }

    /** Overdue exactly when its acknowledgement task is: same due time, and one acknowledgement closes both. */
    private SentReferral view(Referral r, Instant now) {
        return new SentReferral(r.incidentId, r.createdBy,
                documents.details(r, identities.read(r.schoolUrn, r.childRef).orElseThrow(
                        () -> new IllegalStateException("referral without a stored child identity"))),
                ReferralDocuments.acknowledgement(r), r.acknowledgedAt == null && now.isAfter(r.acknowledgementDueAt),
                outcomes.history(r.id).stream().map(ReferralDocuments::outcome).toList());
    }

    private static ReferralContent.Concerns withCensusFactors(ReferralContent.Concerns concerns, IncidentRecommendations.Current current) {
        if (concerns.censusFactors() != null) {
            return concerns;
        }
        Object adult = current.recommendation().derivedFacts() == null ? null
                : current.recommendation().derivedFacts().get("adultInvolved");
        List<String> suggested = CensusFactors.suggest(current.types(), adult instanceof Boolean b ? b : null);
        return concerns.withCensusFactors(suggested);
    }

    private static void validate(SendReferral request, ReferralContent.Concerns concerns) {
        List<Problem.FieldError> errors = new ArrayList<>(CensusFactors.validate("concerns.censusFactors", concerns.censusFactors()));
        if (Boolean.FALSE.equals(request.parentsInformed()) && request.parentsNotInformedReason() == null) {
            errors.add(new Problem.FieldError("parentsNotInformedReason", "is required when parents were not informed"));
        }
        if (Boolean.TRUE.equals(request.parentsInformed()) && request.parentsNotInformedReason() != null) {
            errors.add(new Problem.FieldError("parentsNotInformedReason", "must be absent when parents were informed"));
        }
        if (Boolean.FALSE.equals(request.phoneReferralMade()) && request.phoneReferralAt() != null) {
            errors.add(new Problem.FieldError("phoneReferralAt", "must be absent when no phone referral was made"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The request is not valid.", errors);
        }
    }

    private static ChildIdentity identity(SendReferral.Child child) {
        List<ChildIdentity.HouseholdMember> household = child.household() == null ? List.of() : child.household();
        return new ChildIdentity(child.givenName(), child.familyName(), child.dateOfBirth(),
                new ChildIdentity.Details(child.aliases() == null ? List.of() : child.aliases(), child.gender(), child.ethnicity(),
                        child.language(), child.address(), child.upn(), child.nhsNumber(), household));
    }
}
