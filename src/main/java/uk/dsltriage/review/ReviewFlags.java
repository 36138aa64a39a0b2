package uk.dsltriage.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records other than incidents that await the DSL's review (a safety plan that new information has overtaken), shown
 * in the DSL's queue beside the incidents. Implemented by capabilities above {@code review} and found by CDI.
 */
public interface ReviewFlags {

    /**
     * One record awaiting review. {@code kind} names the record (e.g. SAFETY_PLAN); {@code raisedBy} is the incident
     * whose new information raised the flag (itself new, or with a new addendum), at {@code flaggedAt}.
     */
    record Flag(String kind, UUID recordId, UUID incidentId, String childRef, Instant flaggedAt, UUID raisedBy) {
    }

    /** The school's flagged records, oldest flag first, at most {@code limit}. */
    List<Flag> flagged(String schoolUrn, int limit);
}
