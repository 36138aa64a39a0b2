package uk.dsltriage.rules;

/** The DSL's attestation needed before internal handling is final (UKCIS 2024). Echoed, never required. */
public record DslAttestation(Boolean sufficientInformation, Boolean risksManageableInSetting,
        Boolean headteacherConsulted) {

    public boolean allConfirmed() {
        return Boolean.TRUE.equals(sufficientInformation) && Boolean.TRUE.equals(risksManageableInSetting)
                && Boolean.TRUE.equals(headteacherConsulted);
    }
}
