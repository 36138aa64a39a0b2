package uk.dsltriage.incident.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.api.TriageFactsBody;

@Schema(name = "Addendum")
public record AddendumView(UUID id, int sequence, String recordedBy, Instant recordedAt, String account,
        TriageFactsBody revisedFacts) {
}
