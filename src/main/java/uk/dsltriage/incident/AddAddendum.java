package uk.dsltriage.incident;

import com.fasterxml.jackson.databind.JsonNode;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * The command to append later information: revised facts whole, or a JSON Merge Patch (RFC 7396) of the facts in
 * force, or neither. In the request's order, so that its JSON (the Idempotency-Key fingerprint) is the request's.
 */
public record AddAddendum(String account, TriageFactsBody revisedFacts, JsonNode factsPatch) {
}
