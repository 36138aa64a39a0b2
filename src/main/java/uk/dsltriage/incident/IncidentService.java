package uk.dsltriage.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.ConstraintNames;
import uk.dsltriage.common.IdempotencyKey;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.Advice;
import uk.dsltriage.triage.RecommendationRepository;
import uk.dsltriage.triage.RecordedRecommendation;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageRecommendation;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.triage.TriageTrigger;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.Urgency;
import jakarta.enterprise.event.Event;
import uk.dsltriage.ops.DomainMetrics;

/** Recording concerns, appending later information, and reading them back within the caller's scope. */
@ApplicationScoped
public class IncidentService {

    private static final ObjectKind INCIDENT = ObjectKind.INCIDENT;

    private final IncidentRepository incidents;
    private final AddendumRepository addenda;
    private final RecommendationRepository recommendations;
    private final TriageService triage;
    private final AuditLog audit;
    private final StoredRecords json;
    private final IncidentStorage storage;
    private final Clock clock;
    private final DomainMetrics metrics;
    private final ParticipantIndex participants;
    private final FactsPatches factsPatches;
    private final Event<IncidentTriaged> triaged;

    public IncidentService(IncidentRepository incidents, AddendumRepository addenda, RecommendationRepository recommendations,
            TriageService triage, AuditLog audit, StoredRecords json, IncidentStorage storage, Clock clock,
            ParticipantIndex participants, FactsPatches factsPatches, DomainMetrics metrics, Event<IncidentTriaged> triaged) {
        this.triaged = triaged;
        this.metrics = metrics;
        this.participants = participants;
        this.factsPatches = factsPatches;
        this.incidents = incidents;
        this.addenda = addenda;
        this.recommendations = recommendations;
        this.triage = triage;
        this.audit = audit;
        this.json = json;
        this.storage = storage;
        this.clock = clock;
    }

    /** The outcome of a create call: the incident, and whether it is the replay of an earlier identical call. */
    public record Recorded(IncidentDetails incident, boolean replayed) {
    }

    /**
     * Records a concern once per Idempotency-Key: a retry, or a concurrent call that lost the race on the unique
     * constraint, gets the incident that was recorded (in a new transaction, since the losing one is rolled back).
     */
    public Recorded record(AccessScope scope, RecordIncident request, String idempotencyKey) {
        try {
            return recordInTransaction(scope, request, idempotencyKey);
        } catch (RuntimeException e) {
            if (idempotencyKey == null || !ConstraintNames.violated(e, "incident_idempotency_key_unique")) {
                throw e;
            }
            return replay(scope, idempotencyKey, IdempotencyKey.fingerprint(json.writeAsApi(request))).orElseThrow(() -> e);
        }
    }

    @Transactional
    Recorded recordInTransaction(AccessScope scope, RecordIncident request, String idempotencyKey) {
        TriageFactsBody facts = request.toTriageFacts();
        checkParticipants("participants", facts);
        String requestHash = idempotencyKey == null ? null : IdempotencyKey.fingerprint(json.writeAsApi(request));
        if (idempotencyKey != null) {
            Optional<Recorded> replay = replay(scope, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.schoolUrn = scope.schoolUrn();
        incident.status = IncidentStatus.AWAITING_DSL_REVIEW;
        incident.recordedBy = scope.actor();
        incident.recordedAt = Instant.now(clock);
        incident.occurredAt = request.occurredAt().toInstant();
        incident.location = request.location();
        incident.account = request.account();
        incident.childVoice = request.childVoice();
        incident.factsJson = storage.writeFacts(facts);
        incident.imageMetadataJson = storage.writeImageMetadata(request.imageMetadata());
        incident.types = new LinkedHashSet<>(request.incidentTypes());
        incident.idempotencyKey = idempotencyKey;
        incident.requestSha256 = requestHash;
        incident.awaitingSince = incident.recordedAt;
        incidents.persist(incident);
        // Flush now so that a concurrent retry with the same key fails here, on the unique constraint.
        incidents.flush();
        participants.index(incident, facts);
        triageAndAdopt(incident, facts, TriageTrigger.INTAKE, scope.actor(), null);
        audit.record(scope, AuditAction.INCIDENT_RECORDED, INCIDENT, incident.id);
        metrics.incidentRecorded();
        return new Recorded(detailsOfNew(incident), false);
    }

    /** Looks up an earlier call with the same key; used again after losing a race on the unique constraint. */
    @Transactional
    Optional<Recorded> replay(AccessScope scope, String idempotencyKey, String requestHash) {
        return incidents.findByIdempotencyKey(scope, idempotencyKey).map(existing -> {
            if (requestHash != null && !requestHash.equals(existing.requestSha256)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different incident. Use a new key for a new incident.");
            }
            audit.record(scope, AuditAction.INCIDENT_REPLAYED, INCIDENT, existing.id);
            return new Recorded(details(existing), true);
        });
    }

    @Transactional
    public IncidentDetails get(AccessScope scope, UUID id) {
        Incident incident = incidents.findInScope(id, scope).orElseThrow(ProblemException::notFound);
        audit.record(scope, AuditAction.INCIDENT_READ, INCIDENT, id);
        return details(incident);
    }

    @Transactional
    public IncidentPage list(AccessScope scope, IncidentStatus status, IncidentType type, int page, int size) {
        List<Incident> rows = incidents.page(scope, status, type, page, size);
        long total = incidents.count(scope, status, type);
        Map<UUID, TriageRecommendation> latest = recommendations.latestOf(rows.stream().map(i -> i.id).toList()).stream()
                .collect(Collectors.toMap(r -> r.incidentId, r -> r, (a, b) -> a));
        audit.record(scope, AuditAction.INCIDENT_LISTED, INCIDENT, null);
        List<IncidentSummary> items = rows.stream().map(i -> {
            TriageRecommendation r = latest.get(i.id);
            return new IncidentSummary(i.id, i.status, List.copyOf(i.types), i.occurredAt, i.recordedAt, i.recordedBy,
                    i.location, r == null ? null : r.urgency, r == null ? RuleSetWords.NONE : triage.words(r));
        }).toList();
        return new IncidentPage(items, page, size, total);
    }

    /** An appended addendum, or the one an earlier call with the same Idempotency-Key appended. */
    public record AddedAddendum(AddendumDetails addendum, boolean replayed) {
    }

    /**
     * Appends later information. Revised facts come whole ({@code revisedFacts}) or as a JSON Merge Patch of the facts in
     * force ({@code factsPatch}); either way the incident is triaged again and, if the advice changed, returns to the
     * DSL queue, with a downgrade flagged when routes were removed or the urgency lowered.
     */
    @Transactional
    public AddedAddendum addAddendum(AccessScope scope, UUID incidentId, AddAddendum request, String idempotencyKey) {
        Incident incident = incidents.lockInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        String requestHash = idempotencyKey == null ? null : IdempotencyKey.fingerprint(json.writeAsApi(request));
        if (idempotencyKey != null) {
            // The incident row is locked, so a concurrent retry waits here and then finds this one.
            Optional<IncidentAddendum> earlier = addenda.findByIdempotencyKey(incident, scope.actor(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!requestHash.equals(earlier.get().requestSha256)) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different addendum. Use a new key for new information.");
                }
                audit.record(scope, AuditAction.ADDENDUM_REPLAYED, INCIDENT, incident.id);
                return new AddedAddendum(addendumDetails(earlier.get(), incident.pendingDowngrade()), true);
            }
        }
        TriageFactsBody revised = revisedFacts(incident, request);
        IncidentAddendum addendum = new IncidentAddendum();
        addendum.id = UUID.randomUUID();
        addendum.incidentId = incident.id;
        addendum.sequence = addenda.nextSequence(incident);
        addendum.recordedBy = scope.actor();
        addendum.recordedAt = Instant.now(clock);
        addendum.account = request.account();
        addendum.revisedFactsJson = revised == null ? null : storage.writeFacts(revised);
        addendum.idempotencyKey = idempotencyKey;
        addendum.requestSha256 = requestHash;
        addenda.persist(addendum);
        Downgrade downgrade = Downgrade.NONE;
        if (revised != null) {
            participants.index(incident, revised);
            downgrade = triageAndAdopt(incident, revised, TriageTrigger.ADDENDUM, scope.actor(), null);
        }
        audit.record(scope, AuditAction.ADDENDUM_ADDED, INCIDENT, incident.id);
        return new AddedAddendum(addendumDetails(addendum, downgrade), false);
    }

    private TriageFactsBody revisedFacts(Incident incident, AddAddendum request) {
        if (request.revisedFacts() != null && request.factsPatch() != null) {
            throw ProblemException.invalid("factsPatch", "send either revisedFacts or factsPatch, not both");
        }
        TriageFactsBody revised = request.revisedFacts();
        String field = "revisedFacts";
        if (request.factsPatch() != null) {
            revised = factsPatches.apply(currentFacts(incident, addenda.of(incident)), request.factsPatch());
            field = "factsPatch";
        }
        if (revised != null) {
            checkParticipants(field + ".participants", revised);
        }
        return revised;
    }

    /** Records a recommendation for these facts and makes it the incident's current one. */
    private Downgrade triageAndAdopt(Incident incident, TriageFactsBody facts, TriageTrigger trigger, String actor,
            uk.dsltriage.rules.RuleSet ruleSet) {
        Optional<Advice> before = triage.find(incident.currentRecommendationId).map(r -> Advice.of(triage.storedResult(r)));
        TriageRecommendation row = ruleSet == null ? triage.recordFor(incident.id, facts, trigger, actor)
                : triage.recordFor(incident.id, facts, trigger, actor, ruleSet);
        Advice after = Advice.of(triage.storedResult(row));
        boolean changed = before.map(b -> !b.equals(after)).orElse(true);
        Urgency previousUrgency = incident.currentUrgency;
        Instant flaggedBefore = incident.downgradedAt;
        Downgrade downgrade = incident.adopt(row.id, after.urgency(), after.routes(), changed, row.createdAt);
        boolean newDowngrade = downgrade.isDowngrade() && !row.createdAt.equals(flaggedBefore)
                && row.createdAt.equals(incident.downgradedAt);
        triaged.fire(new IncidentTriaged(incident.id, incident.schoolUrn, row.id, trigger, previousUrgency, after.urgency(),
                newDowngrade, row.createdAt));
        return downgrade;
    }

    @Transactional
    public List<RecordedRecommendation> recommendations(AccessScope scope, UUID incidentId) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        audit.record(scope, AuditAction.RECOMMENDATIONS_READ, INCIDENT, incident.id);
        return triage.history(incident.id);
    }

    /** A DSL's explicit re-triage of the current facts under a chosen rule-set version; earlier ones are kept. */
    @Transactional
    public RecordedRecommendation retriage(AccessScope scope, UUID incidentId,
            uk.dsltriage.rules.RuleSet ruleSet) {
        Incident incident = incidents.lockInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        TriageFactsBody current = currentFacts(incident, addenda.of(incident));
        triageAndAdopt(incident, current, TriageTrigger.RETRIAGE, scope.actor(), ruleSet);
        audit.record(scope, AuditAction.TRIAGE_RECORDED, INCIDENT, incident.id);
        return triage.recorded(triage.find(incident.currentRecommendationId).orElseThrow());
    }

    /**
     * The re-triage job's step for one incident, already locked by the caller: a new recommendation under the rule
     * set, adopted as the incident's current one (back to the queue if the advice changed; no task is touched).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Downgrade retriageBySystem(Incident incident, uk.dsltriage.rules.RuleSet ruleSet, AccessScope system) {
        Downgrade downgrade = triageAndAdopt(incident, currentFacts(incident), TriageTrigger.RETRIAGE, system.actor(), ruleSet);
        audit.record(system, AuditAction.TRIAGE_RECORDED, INCIDENT, incident.id);
        return downgrade;
    }

    /** The facts in force: the latest revision, or the original. */
    public TriageFactsBody currentFacts(Incident incident) {
        return currentFacts(incident, addenda.of(incident));
    }

    private TriageFactsBody currentFacts(Incident incident, List<IncidentAddendum> rows) {
        return rows.stream()
                .filter(a -> a.revisedFactsJson != null)
                .reduce((first, second) -> second)
                .map(this::revisedFacts)
                .orElseGet(() -> originalFacts(incident));
    }

    private IncidentDetails details(Incident incident) {
        return details(incident, addenda.of(incident), recommendations.latest(incident.id));
    }

    /**
     * A just-recorded incident has no addenda, and its one recommendation is the one it has just adopted, still in the
     * persistence context: no query (the two that details() makes each forced a mid-transaction flush; bench/results).
     */
    private IncidentDetails detailsOfNew(Incident incident) {
        return details(incident, List.of(), triage.find(incident.currentRecommendationId));
    }

    private IncidentDetails details(Incident incident, List<IncidentAddendum> addendumRows, Optional<TriageRecommendation> latest) {
        List<AddendumDetails> addendumDetails = addendumRows.stream().map(this::addendumDetails).toList();
        TriageFactsBody original = originalFacts(incident);
        TriageFactsBody current = original;
        for (AddendumDetails addendum : addendumDetails) {
            if (addendum.revisedFacts() != null) {
                current = addendum.revisedFacts();
            }
        }
        return new IncidentDetails(incident.id, incident.schoolUrn, incident.status, incident.recordedBy, incident.recordedAt,
                incident.occurredAt, incident.location, incident.account, incident.childVoice, original, current,
                storage.readImageMetadata(incident.id, incident.imageMetadataJson),
                addendumDetails, latest.map(triage::recorded).orElse(null));
    }

    private AddendumDetails addendumDetails(IncidentAddendum a) {
        return addendumDetails(a, Downgrade.NONE);
    }

    private AddendumDetails addendumDetails(IncidentAddendum a, Downgrade downgrade) {
        return new AddendumDetails(a.id, a.sequence, a.recordedBy, a.recordedAt, a.account,
                a.revisedFactsJson == null ? null : revisedFacts(a), downgrade);
    }

    private TriageFactsBody originalFacts(Incident incident) {
        return storage.readFacts(IncidentStorage.FACTS, incident.id, incident.factsJson);
    }

    private TriageFactsBody revisedFacts(IncidentAddendum addendum) {
        return storage.readFacts(IncidentStorage.REVISED_FACTS, addendum.id, addendum.revisedFactsJson);
    }

    private static void checkParticipants(String field, TriageFactsBody facts) {
        if (facts.participants() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ParticipantBody p : facts.participants()) {
            if (p.ref() != null && !seen.add(p.ref().toUpperCase(java.util.Locale.ROOT))) {
                throw ProblemException.invalid(field, "each participant needs its own ref");
            }
        }
    }

}
