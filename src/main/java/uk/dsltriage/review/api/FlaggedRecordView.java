package uk.dsltriage.review.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FlaggedForReview", description = "A record other than an incident awaiting the DSL's review: a child's safety plan that new information (a new incident or addendum about the same child) has overtaken")
public record FlaggedRecordView(
        @Schema(description = "What the record is: SAFETY_PLAN", enumeration = {"SAFETY_PLAN"}, maxLength = 16) String kind,
        @Schema(description = "The current version of the record") UUID recordId,
        @Schema(description = "The incident the record belongs to") UUID incidentId,
        @Schema(description = "The child's pseudonymous reference", maxLength = 12) String childRef,
        Instant flaggedAt,
        @Schema(description = "The incident whose new information raised the flag") UUID raisedByIncidentId) {
}
