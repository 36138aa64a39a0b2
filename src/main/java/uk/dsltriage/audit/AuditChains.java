package uk.dsltriage.audit;

/**
 * Names the chain an event belongs to: one per school, one per local authority and one for events with neither
 * (anonymous refusals, rules administration). Chain names are built from validated claims only.
 */
public final class AuditChains {

    public static final String SYSTEM = "system";

    private AuditChains() {
    }

    public static String of(String schoolUrn, String laCode) {
        if (schoolUrn != null) {
            return "school:" + schoolUrn;
        }
        if (laCode != null) {
            return "la:" + laCode;
        }
        return SYSTEM;
    }
}
