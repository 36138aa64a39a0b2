package uk.dsltriage.plans.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChildPlans", description = "Every version of a child's assessments and safety plans in the school, oldest first")
public record ChildPlansView(String childRef, List<SupportRecordView> records) {
}
