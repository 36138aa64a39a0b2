package uk.dsltriage.incident;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.triage.TriageTrigger;
import uk.dsltriage.vocabulary.Urgency;

/**
 * A recommendation was adopted as an incident's current one: fired synchronously inside the transaction that adopts
 * it, so an observer's writes commit or roll back with the incident. Ids, codes and times only: no account, no child
 * detail. {@code previousUrgency} is null for the first recommendation; {@code newDowngrade} is true when this
 * recommendation removed a route or lowered the urgency (not when it merely kept an earlier downgrade pending).
 */
public record IncidentTriaged(UUID incidentId, String schoolUrn, UUID recommendationId, TriageTrigger trigger,
        Urgency previousUrgency, Urgency urgency, boolean newDowngrade, Instant at) {
}
