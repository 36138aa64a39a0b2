package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link UrlDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Links in every shape the corpus has: scheme, www, bare domain with a path, defanged, full-width, IPv4 with a port.
 */
class UrlDetectorTest {

    private final CandidateDetector detector = new UrlDetector(Detectors.POLICY);

    @Test
    void everyLinkShapeIsRefused() {
        Detectors.refusesEvery(detector,
                name -> name.startsWith("url/") && !name.equals("url/base64-of-url"), 7, RefusalReason.URL);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
