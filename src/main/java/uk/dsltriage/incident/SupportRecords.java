package uk.dsltriage.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The current risk and needs assessment and safety plan of each child of an incident. Kept by a capability above
 * {@code incident} (plans) and found by CDI, so {@code incident} never depends on it.
 */
public interface SupportRecords {

    /** The current versions for one child of the incident; a null id: none recorded. */
    record Current(UUID assessmentId, Integer assessmentVersion, Instant assessedAt, UUID safetyPlanId,
            Integer safetyPlanVersion, LocalDate reviewBy, boolean planFlaggedForReview) {

        public static final Current NONE = new Current(null, null, null, null, null, null, false);
    }

    /** By normalised child reference; a child with nothing recorded may be missing from the map. */
    Map<String, Current> currentFor(String schoolUrn, UUID incidentId, Collection<String> normalisedRefs);
}
