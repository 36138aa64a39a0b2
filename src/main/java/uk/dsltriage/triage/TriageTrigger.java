package uk.dsltriage.triage;

/** Why a recommendation was made. */
public enum TriageTrigger {
    INTAKE, ADDENDUM, RETRIAGE
}
