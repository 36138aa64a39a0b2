package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link EscapedBytesDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Bytes escaped inside a token: percent, quoted-printable, \\x, \\u and character references.
 */
class EscapedBytesDetectorTest {

    private final CandidateDetector detector = new EscapedBytesDetector(Detectors.POLICY, Detectors.nested());

    @Test
    void escapedBytesAreEncodedMedia() {
        Detectors.refusesEvery(detector,
                Detectors.encodedAs("percent", "quoted-printable", "html-entities",
                "hex-backslash-x", "double-escaped-u", "data-uri-percent"), 20, RefusalReason.ENCODED_MEDIA);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
