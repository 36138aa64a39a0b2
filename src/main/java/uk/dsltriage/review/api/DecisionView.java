package uk.dsltriage.review.api;

import jakarta.validation.constraints.Size;
import uk.dsltriage.common.WireLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.DecisionOutcome;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.triage.facts.AttestationBody;

@Schema(name = "Decision", description = "A recorded decision. The latest (highest sequence) is current; earlier ones are kept.")
public record DecisionView(UUID id, UUID incidentId, @Schema(minimum = "1", maximum = "2147483647") int sequence, UUID recommendationId, DecisionOutcome outcome,
        @Schema(maxLength = WireLimits.LABEL) String outcomeLabel, boolean acceptRecommendation, @Schema(maxItems = WireLimits.CODES) List<CodeLabel> routes, @Schema(maxLength = WireLimits.LONG_TEXT) String rationale, boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason, @Schema(maxLength = WireLimits.SHORT_TEXT) String childViews, @Schema(maxLength = WireLimits.SHORT_TEXT) String childViewsWeighed, LocalDate reviewBy,
        AttestationBody dslAttestation, @Schema(maxItems = WireLimits.CODES) List<@Size(max = WireLimits.CODE) String> actions, @Schema(maxLength = WireLimits.ACTOR) String decidedBy, Instant decidedAt) {
}
