package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link ControlCharacterDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Binary content by count: control characters and U+FFFD replacement characters in one string.
 */
class ControlCharacterDetectorTest {

    private final CandidateDetector detector = new ControlCharacterDetector(Detectors.POLICY);

    @Test
    void controlCharactersAndLatin1BytesAreBinary() {
        Detectors.refusesEvery(detector,
                name -> name.startsWith("binary/")
                || Detectors.encodedAs("latin1-literal", "latin1-escaped").test(name), 5, RefusalReason.BINARY_CONTENT);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
