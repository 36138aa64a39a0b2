package uk.dsltriage.plans.api;

import uk.dsltriage.common.WireLimits;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChildPlans", description = "Every version of a child's assessments and safety plans in the school, oldest first")
public record ChildPlansView(@Schema(maxLength = 12) String childRef, @Schema(maxItems = WireLimits.UNPAGED_LIST) List<SupportRecordView> records) {
}
