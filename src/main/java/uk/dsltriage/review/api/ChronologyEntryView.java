package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.Chronology;

@Schema(name = "ChronologyEntry", description = "One event in a child's history: codes and labels, never a narrative (read the incident for that)")
public record ChronologyEntryView(Instant at, Chronology.Kind kind, UUID incidentId, UUID recordId, String actor,
        List<CodeLabel> codes) {
}
