package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link MarkupDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Markup that can carry or fetch an image.
 */
class MarkupDetectorTest {

    private final CandidateDetector detector = new MarkupDetector();

    @Test
    void imageCarryingMarkupIsRefused() {
        Detectors.refusesEvery(detector, name -> name.startsWith("markup/"), 3, RefusalReason.MARKUP);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
