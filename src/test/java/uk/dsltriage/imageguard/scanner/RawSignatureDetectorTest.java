package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link RawSignatureDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Raw file signatures carried as characters, one character per byte.
 */
class RawSignatureDetectorTest {

    private final CandidateDetector detector = new RawSignatureDetector();

    @Test
    void filesCarriedOneCharacterPerByteAreBinary() {
        Detectors.refusesEvery(detector,
                Detectors.encodedAs("latin1-literal", "latin1-escaped"), 5, RefusalReason.BINARY_CONTENT);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
