package uk.dsltriage.review.api;

import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.Chronology;

@Schema(name = "ChronologyEntry", description = "One event in a child's history: codes and labels, never a narrative (read the incident for that)")
public record ChronologyEntryView(Instant at, Chronology.Kind kind, UUID incidentId, UUID recordId, @Schema(maxLength = WireLimits.ACTOR) String actor,
        @Schema(maxItems = WireLimits.CODES) List<CodeLabel> codes) {
}
