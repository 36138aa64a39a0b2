package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link OpaqueRunDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Long opaque runs with no signature to find.
 */
class OpaqueRunDetectorTest {

    private final CandidateDetector detector = new OpaqueRunDetector(Detectors.POLICY);

    @Test
    void headerlessEncodedDataIsOpaque() {
        Detectors.refusesEvery(detector, name -> name.startsWith("opaque/"), 4, RefusalReason.OPAQUE_ENCODED_RUN);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
