package uk.dsltriage.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureChainTest {

    @Test
    void theFailureThenEachCauseAndWhatEachSuppressedDepthFirst() {
        Exception root = new Exception("root");
        Exception hidden = new Exception("hidden", root);
        Exception cause = new Exception("cause");
        Exception top = new Exception("top", cause);
        top.addSuppressed(hidden);
        assertEquals(List.of(top, cause, hidden, root), FailureChain.of(top));
    }

    @Test
    void aCycleOrARepeatIsVisitedOnce() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        a.addSuppressed(b);
        assertEquals(List.of(a, b), FailureChain.of(a));
    }

    @Test
    void nothingForNoFailure() {
        assertEquals(List.of(), FailureChain.of(null));
    }

    @Test
    void aRunawayChainIsCut() {
        Exception e = new Exception("0");
        for (int i = 1; i < 500; i++) {
            e = new Exception(String.valueOf(i), e);
        }
        assertEquals(50, FailureChain.of(e).size());
    }
}
