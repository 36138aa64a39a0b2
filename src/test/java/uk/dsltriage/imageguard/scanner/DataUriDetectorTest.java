package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link DataUriDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * data: URIs of any media type, case and parameters.
 */
class DataUriDetectorTest {

    private final CandidateDetector detector = new DataUriDetector();

    @Test
    void everyDataUriIsRefused() {
        Detectors.refusesEvery(detector, name -> name.contains("data-uri"), 20, RefusalReason.DATA_URI);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
