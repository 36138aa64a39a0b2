package uk.dsltriage.imageguard.scanner;

import org.junit.jupiter.api.Test;

/**
 * {@link EncodedSegmentDetector} on its own, over the smuggling corpus and the legitimate corpus.
 * Files encoded as base64, base64url, hex or decimal byte lists at segment starts, also nested.
 */
class EncodedSegmentDetectorTest {

    private final CandidateDetector detector = new EncodedSegmentDetector(Detectors.POLICY, Detectors.nested());

    @Test
    void base64HexAndDecimalEncodingsAreEncodedMedia() {
        Detectors.refusesEvery(detector,
                Detectors.encodedAs("b64-std-padded", "b64-std-unpadded", "b64-url-padded",
                        "b64-url-unpadded", "b64-mime-76-crlf", "b64-wrap-76-lf", "b64-pem-64", "b64-space-groups-4",
                        "b64-tabs-8", "b64-labelled", "hex-lower", "hex-upper", "hex-spaces", "hex-colons",
                        "hex-0x-comma", "decimal-string"), 50, RefusalReason.ENCODED_MEDIA);
    }

    @Test
    void nestedEncodingsAreDecodedAgain() {
        Detectors.refusesEvery(detector,
                Detectors.encodedAs("nested-b64-2", "nested-b64-3", "hex-of-b64", "b64-of-hex"), 10,
                RefusalReason.ENCODED_MEDIA);
    }

    @Test
    void aLinkBehindBase64KeepsItsReason() {
        Detectors.refusesEvery(detector, name -> name.equals("url/base64-of-url"), 1, RefusalReason.URL);
    }

    @Test
    void noLegitimateTextIsRefused() {
        Detectors.passesEveryLegitimateText(detector);
    }
}
