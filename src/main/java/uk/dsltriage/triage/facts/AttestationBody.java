package uk.dsltriage.triage.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DslAttestation", description = "The DSL's attestation for internal handling (UKCIS 2024). Echoed by triage, required when a decision takes internal handling.")
public record AttestationBody(Boolean sufficientInformation, Boolean risksManageableInSetting, Boolean headteacherConsulted) {
}
