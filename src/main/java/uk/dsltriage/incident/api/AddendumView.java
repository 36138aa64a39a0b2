package uk.dsltriage.incident.api;

import uk.dsltriage.incident.AddendumDetails;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.facts.TriageFactsBody;

@Schema(name = "Addendum")
public record AddendumView(UUID id, int sequence, String recordedBy, Instant recordedAt, String account,
        TriageFactsBody revisedFacts,
        @Schema(description = "Only in the answer to adding an addendum: set when the new recommendation removed a route or lowered the urgency. Open tasks are kept and the incident is back in the DSL queue.")
        DowngradeView downgrade) {

    public static AddendumView of(AddendumDetails a) {
        return new AddendumView(a.id(), a.sequence(), a.recordedBy(), a.recordedAt(), a.account(), a.revisedFacts(),
                DowngradeView.of(a.downgrade()));
    }
}
