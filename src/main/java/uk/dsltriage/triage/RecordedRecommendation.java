package uk.dsltriage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.triage.facts.AttestationBody;

/**
 * A stored recommendation as the service hands it out: which one it is, its result as stored (not re-evaluated), the
 * DSL attestation sent with the facts, and the plain-English labels of the rule set it used (null when it has none).
 */
public record RecordedRecommendation(UUID id, int sequence, TriageTrigger trigger, Instant createdAt,
        Recommendation result, AttestationBody dslAttestation, JsonNode labels) {
}
