package uk.dsltriage.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.common.StoredJson;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.triage.api.TriageFactsBody;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.rules.RuleEngine;
import uk.dsltriage.rules.RuleSet;

/** Runs the rules engine on an incident's facts and keeps every recommendation it makes, replayable. */
@ApplicationScoped
public class TriageService {

    private final RuleEngine engine = new RuleEngine();
    private final RuleSets ruleSets;
    private final RecommendationRepository recommendations;
    private final StoredJson json;
    private final Clock clock;

    public TriageService(RuleSets ruleSets, RecommendationRepository recommendations, StoredJson json, Clock clock) {
        this.ruleSets = ruleSets;
        this.recommendations = recommendations;
        this.json = json;
        this.clock = clock;
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
        Recommendation result = evaluate(ruleSet, facts);
        TriageRecommendation row = new TriageRecommendation();
        row.id = UUID.randomUUID();
        row.incidentId = incidentId;
        row.sequence = recommendations.nextSequence(incidentId);
        row.trigger = trigger;
        row.ruleSetId = ruleSet.ruleSetId();
        row.ruleSetVersion = ruleSet.version();
        row.ruleSetSha256 = ruleSet.sha256();
        row.factsSnapshotJson = json.write(facts);
        row.resultJson = json.write(result);
        row.urgency = result.urgency().name();
        row.createdBy = actor;
        row.createdAt = Instant.now(clock);
        recommendations.persist(row);
        return row;
    }

    /** Evaluates a stored recommendation's facts again under the exact rule-set version it used. */
    public Recommendation replay(TriageRecommendation stored) {
        RuleSet ruleSet = ruleSets.find(stored.ruleSetId, stored.ruleSetVersion)
                .filter(r -> r.sha256().equals(stored.ruleSetSha256))
                .orElseThrow(() -> new IllegalStateException("rule set " + stored.ruleSetId + " " + stored.ruleSetVersion
                        + " with the recorded hash is not in this build"));
        return evaluate(ruleSet, json.read(stored.factsSnapshotJson, TriageFactsBody.class));
    }

    public RecommendationView view(TriageRecommendation stored) {
        TriageFactsBody facts = json.read(stored.factsSnapshotJson, TriageFactsBody.class);
        return RecommendationView.of(stored.id, stored.sequence, stored.trigger, stored.createdAt,
                json.read(stored.resultJson, Recommendation.class), facts.dslAttestation(),
                ruleSets.labels(stored.ruleSetSha256).orElse(null));
    }

    public List<RecommendationView> history(UUID incidentId) {
        return recommendations.history(incidentId).stream().map(this::view).toList();
    }
}
