package uk.dsltriage.review;

import java.util.List;

/**
 * Records about a child that capabilities above {@code review} keep (assessments, safety plans), contributed to the
 * child's chronology. Implemented there and found by CDI, so {@code review} never depends on them.
 */
public interface ChildHistory {

    /** The child's entries in the school, codes only (no narrative); the caller has already scoped the child. */
    List<Chronology.Entry> entries(String schoolUrn, String normalisedChildRef);
}
