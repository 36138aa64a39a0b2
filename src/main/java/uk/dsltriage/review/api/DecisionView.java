package uk.dsltriage.review.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.review.DecisionOutcome;
import uk.dsltriage.vocabulary.ParentsNotInformedReason;
import uk.dsltriage.triage.facts.AttestationBody;

@Schema(name = "Decision", description = "A recorded decision. The latest (highest sequence) is current; earlier ones are kept.")
public record DecisionView(UUID id, UUID incidentId, int sequence, UUID recommendationId, DecisionOutcome outcome,
        String outcomeLabel, boolean acceptRecommendation, List<CodeLabel> routes, String rationale, boolean parentsInformed,
        ParentsNotInformedReason parentsNotInformedReason, String childViews, String childViewsWeighed, LocalDate reviewBy,
        AttestationBody dslAttestation, List<String> actions, String decidedBy, Instant decidedAt) {
}
