package uk.dsltriage.review.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Chronology", description = "Everything recorded about one pseudonymous child of the school, oldest first")
public record ChronologyView(String childRef, List<ChronologyEntryView> entries) {
}
