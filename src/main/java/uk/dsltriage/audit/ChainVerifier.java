package uk.dsltriage.audit;

import java.util.Objects;

/**
 * Checks events in chain order, one at a time (so a chain of any length is checked in constant memory). An event is
 * broken when its position does not follow the previous one (a deletion or a gap), when its content no longer has
 * the stored hash (an edit). When an event is intact but does not link to the previous event's hash, the previous
 * event is reported: its content and hash were rewritten together, which only the next link reveals.
 */
final class ChainVerifier {

    private long expectedSeq;
    private String expectedPrev;
    private Long previousId;
    private long checked;
    private Long firstBroken;
    private boolean brokenWithoutRow;

    ChainVerifier(long firstSeq, String prevHash) {
        this.expectedSeq = firstSeq;
        this.expectedPrev = prevHash;
    }

    void accept(AuditEntry event) {
        if (firstBroken != null || brokenWithoutRow) {
            return;
        }
        checked++;
        if (event.seq() != expectedSeq || !Objects.equals(event.hash(), event.computeHash())) {
            firstBroken = event.id();
            return;
        }
        if (!Objects.equals(event.prevHash(), expectedPrev)) {
            firstBroken = previousId != null ? previousId : event.id();
            return;
        }
        expectedSeq++;
        expectedPrev = event.hash();
        previousId = event.id();
    }

    /** Checks the chain's end against its head: events deleted after the last one read are reported too. */
    void end(long headSeq, String headHash, Long headEventId) {
        if (firstBroken != null || brokenWithoutRow) {
            return;
        }
        if (headSeq != expectedSeq - 1 || !Objects.equals(headHash, expectedPrev)) {
            firstBroken = headEventId;
            brokenWithoutRow = headEventId == null;
        }
    }

    Verification result(String chain) {
        boolean valid = firstBroken == null && !brokenWithoutRow;
        return new Verification(chain, valid, checked, firstBroken);
    }
}
