package uk.dsltriage.imageguard.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each new detector on its own corpus: {@link OpacityStatistics} must refuse long encoded data that has no file
 * signature to find (random bytes, a JPEG with its header cut off) in every grouping, and pass every legitimate
 * text; {@link DisguisedEncodingDetector} must find real files behind filler and pass every legitimate text.
 */
class DetectorCorpusTest {

    private static final String[] SEPARATORS = {" ", "\u200B", "\u00B7", "\u00e9", "\n", ".", ", ", "-", " | ",
        "\u00a0", "\t", "\u0142"};

    private static List<String> opaqueWithoutSignature() {
        Random random = new Random(99);
        List<String> out = new ArrayList<>();
        for (int size : new int[] {300, 1300, 4000}) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            String b64 = Base64.getEncoder().encodeToString(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            for (String sep : SEPARATORS) {
                for (int every : new int[] {2, 3, 4, 7}) {
                    out.add(DisguisedImages.every(b64, every, sep));
                    out.add(DisguisedImages.every(hex, every, sep));
                    out.add(DisguisedImages.every(hex.toUpperCase(Locale.ROOT), every, sep));
                    out.add(DisguisedImages.every(DisguisedImages.base32(bytes), every, sep));
                }
                out.add(DisguisedImages.every(DisguisedImages.ascii85(bytes), 5, sep));
                StringBuilder decimal = new StringBuilder();
                for (byte b : bytes) {
                    decimal.append(b & 0xFF).append(sep);
                }
                out.add(decimal.toString());
            }
        }
        return out;
    }

    @Test
    void statisticsRefuseLongEncodedDataWithNoSignatureInEveryGrouping() {
        OpacityStatistics statistics = new OpacityStatistics(ScannerPolicy.defaults().opaqueRunChars());
        List<String> corpus = opaqueWithoutSignature();
        assertTrue(corpus.size() > 500);
        int missed = 0;
        List<String> examples = new ArrayList<>();
        for (String text : corpus) {
            char[] c = text.toCharArray();
            if (statistics.inspect(c, 0, c.length) == null) {
                missed++;
                if (examples.size() < 3) {
                    examples.add(text.substring(0, 60));
                }
            }
        }
        assertEquals(0, missed, "missed, e.g. " + examples);
    }

    @Test
    void aJpegWithItsHeaderCutOffIsRefusedByTheScanner() {
        byte[] jpeg = DisguisedImages.files().get("JPEG 8x8");
        byte[] tail = java.util.Arrays.copyOfRange(jpeg, 200, jpeg.length);
        String b64 = Base64.getEncoder().encodeToString(tail);
        for (String sep : SEPARATORS) {
            String body = "{\"account\": " + DisguisedImagesTest.Json.quote(DisguisedImages.every(b64, 3, sep)) + "}";
            assertTrue(new ImageContentScanner().scan(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    instanceof ScanResult.Refused, "separator U+" + Integer.toHexString(sep.charAt(0)));
        }
    }

    @Test
    void neitherDetectorFlagsAnyLegitimateText() {
        OpacityStatistics statistics = new OpacityStatistics(ScannerPolicy.defaults().opaqueRunChars());
        DisguisedEncodingDetector disguised = new DisguisedEncodingDetector();
        List<String> texts = LegitimateTextCorpus.texts();
        assertTrue(texts.stream().filter(t -> t.length() > 2000).count() >= 30, "long accounts are in the corpus");
        for (String text : texts) {
            char[] c = text.toCharArray();
            assertNull(statistics.inspect(c, 0, c.length), () -> "statistics: " + text.substring(0, Math.min(80, text.length())));
            assertNull(disguised.inspect(c, 0, c.length), () -> "disguised: " + text.substring(0, Math.min(80, text.length())));
        }
    }

    @Test
    void plainLettersAreNeverCalledAnImage() {
        Random random = new Random(5);
        StringBuilder letters = new StringBuilder();
        StringBuilder mixedCase = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
            mixedCase.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
        }
        ImageContentScanner scanner = new ImageContentScanner();
        for (String text : List.of("a".repeat(10_000), letters.toString(), mixedCase.toString(),
                "word ".repeat(4_000), "Lorem ipsum dolor sit amet ".repeat(700))) {
            String body = "{\"account\": \"" + text + "\"}";
            assertEquals(new ScanResult.Clean(), scanner.scan(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    text.substring(0, 20));
        }
    }
}
