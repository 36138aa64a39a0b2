package uk.dsltriage.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.common.StoredRecords;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.facts.TriageFactsBody;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.rules.RuleEngine;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.ops.DomainMetrics;

/** Runs the rules engine on an incident's facts and keeps every recommendation it makes, replayable. */
@ApplicationScoped
public class TriageService {

    private final RuleEngine engine = new RuleEngine();
    private final RuleSets ruleSets;
    private final RecommendationRepository recommendations;
    private final TriageStorage storage;
    private final Clock clock;
    private final AuditLog audit;
    private final DomainMetrics metrics;

    public TriageService(RuleSets ruleSets, RecommendationRepository recommendations, TriageStorage storage,
            Clock clock, AuditLog audit, DomainMetrics metrics) {
        this.metrics = metrics;
        this.ruleSets = ruleSets;
        this.recommendations = recommendations;
        this.storage = storage;
        this.clock = clock;
        this.audit = audit;
    }

    /** A caller's dry run: evaluated under the chosen rule set (or the one in force), stored only as an audit event. */
    @Transactional
    public Recommendation dryRun(AccessScope scope, RuleSet chosen, TriageFactsBody facts) {
        Recommendation result = chosen == null ? evaluate(facts) : evaluate(chosen, facts);
        audit.record(scope, AuditAction.TRIAGE_EVALUATED, null, null);
        return result;
    }

    public Recommendation evaluate(TriageFactsBody facts) {
        return evaluate(ruleSets.inForceAt(facts.occurredAt().toInstant()), facts);
    }

    public Recommendation evaluate(RuleSet ruleSet, TriageFactsBody facts) {
        return engine.evaluate(ruleSet, TriageInputMapper.toInput(facts));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TriageRecommendation recordFor(UUID incidentId, TriageFactsBody facts, TriageTrigger trigger, String actor) {
        return recordFor(incidentId, facts, trigger, actor, ruleSets.inForceAt(facts.occurredAt().toInstant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TriageRecommendation recordFor(UUID incidentId, TriageFactsBody facts, TriageTrigger trigger, String actor,
            RuleSet ruleSet) {
        StoredFacts snapshot = StoredFacts.of(facts);
        Recommendation result = engine.evaluate(ruleSet, snapshot.toInput());
        TriageRecommendation row = new TriageRecommendation();
        row.id = UUID.randomUUID();
        row.incidentId = incidentId;
        row.sequence = recommendations.nextSequence(incidentId);
        row.trigger = trigger;
        row.ruleSetId = ruleSet.ruleSetId();
        row.ruleSetVersion = ruleSet.version();
        row.ruleSetSha256 = ruleSet.sha256();
        row.factsSnapshotJson = storage.write(snapshot);
        row.resultJson = storage.write(StoredResult.of(result));
        row.urgency = result.urgency().name();
        row.createdBy = actor;
        row.createdAt = Instant.now(clock);
        recommendations.persist(row);
        metrics.recommendationStored(trigger, result.urgency(), result.routes());
        return row;
    }

    /** Evaluates a stored recommendation's facts again under the exact rule-set version it used. */
    public Recommendation replay(TriageRecommendation stored) {
        RuleSet ruleSet = ruleSets.find(stored.ruleSetId, stored.ruleSetVersion)
                .filter(r -> r.sha256().equals(stored.ruleSetSha256))
                .orElseThrow(() -> new IllegalStateException("rule set " + stored.ruleSetId + " " + stored.ruleSetVersion
                        + " with the recorded hash is not in this build"));
        return engine.evaluate(ruleSet, snapshot(stored).toInput());
    }

    /** The result as it was stored (not re-evaluated). */
    public Recommendation storedResult(TriageRecommendation stored) {
        return StoredRecords.ofRow("triage_recommendation.result", stored.id,
                () -> storage.readResult(stored.resultJson)).toRecommendation();
    }

    private StoredFacts snapshot(TriageRecommendation stored) {
        return StoredRecords.ofRow("triage_recommendation.facts_snapshot", stored.id,
                () -> storage.readFacts(stored.factsSnapshotJson));
    }

    public java.util.Optional<TriageRecommendation> find(UUID recommendationId) {
        return recommendationId == null ? java.util.Optional.empty() : recommendations.findByIdOptional(recommendationId);
    }

    /** The words of the rule set a stored recommendation was made under (what the incident page shows for its codes). */
    public RuleSetWords words(TriageRecommendation stored) {
        return RuleSetWords.of(ruleSets.labels(stored.ruleSetSha256).orElse(null));
    }

    /** The words of the rule set each of these recommendations was made under, by recommendation id (one query). */
    public Map<UUID, RuleSetWords> wordsOf(Collection<UUID> recommendationIds) {
        Map<UUID, RuleSetWords> words = new HashMap<>();
        recommendations.ruleSetsOf(recommendationIds).forEach((id, sha256) ->
                words.put(id, RuleSetWords.of(ruleSets.labels(sha256).orElse(null))));
        return words;
    }

    /** The words of the rule set each incident's latest recommendation was made under, by incident id (one query). */
    public Map<UUID, RuleSetWords> wordsOfIncidents(Collection<UUID> incidentIds) {
        Map<UUID, RuleSetWords> words = new HashMap<>();
        recommendations.latestOf(List.copyOf(new HashSet<>(incidentIds))).forEach(r -> words.put(r.incidentId, words(r)));
        return words;
    }

    public RecordedRecommendation recorded(TriageRecommendation stored) {
        StoredFacts facts = snapshot(stored);
        return new RecordedRecommendation(stored.id, stored.sequence, stored.trigger, stored.createdAt,
                storedResult(stored), facts.attestation(), ruleSets.labels(stored.ruleSetSha256).orElse(null));
    }

    public List<RecordedRecommendation> history(UUID incidentId) {
        return recommendations.history(incidentId).stream().map(this::recorded).toList();
    }
}
