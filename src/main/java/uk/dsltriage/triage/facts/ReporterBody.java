package uk.dsltriage.triage.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reporter", description = "Who is reporting: matters for the FGM duty (teachers report personally) and for routing to the DSL.")
public record ReporterBody(Boolean isTeacher, Boolean isDsl) {
}
