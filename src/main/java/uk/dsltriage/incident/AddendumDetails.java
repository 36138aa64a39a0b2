package uk.dsltriage.incident;

import java.time.Instant;
import java.util.UUID;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * An addendum as read back. {@code downgrade} is what the re-triage it caused removed; it is known only in the answer
 * to appending it ({@link Downgrade#NONE} when read back later).
 */
public record AddendumDetails(UUID id, int sequence, String recordedBy, Instant recordedAt, String account,
        TriageFactsBody revisedFacts, Downgrade downgrade) {
}
