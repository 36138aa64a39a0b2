package uk.dsltriage.incident.api;

import uk.dsltriage.incident.AddendumDetails;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.triage.facts.TriageFactsBody;

@Schema(name = "Addendum")
public record AddendumView(UUID id, @Schema(minimum = "1", maximum = "2147483647") int sequence, @Schema(maxLength = WireLimits.ACTOR) String recordedBy, Instant recordedAt, @Schema(maxLength = WireLimits.LONG_TEXT) String account,
        TriageFactsBody revisedFacts,
        @Schema(description = "Only in the answer to adding an addendum: set when the new recommendation removed a route or lowered the urgency. Open tasks are kept and the incident is back in the DSL queue.")
        DowngradeView downgrade) {

    public static AddendumView of(AddendumDetails a) {
        return new AddendumView(a.id(), a.sequence(), a.recordedBy(), a.recordedAt(), a.account(), a.revisedFacts(),
                DowngradeView.of(a.downgrade()));
    }
}
