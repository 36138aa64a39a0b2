package uk.dsltriage.imageguard.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every disguise of every real file is refused, alone and inside a sentence, as a value and as a field name. */
class DisguisedImagesTest {

    private final ImageContentScanner scanner = new ImageContentScanner();

    @Test
    void thereAreAtLeastFiftyDisguisesOfRealFiles() {
        assertTrue(DisguisedImages.all().size() >= 50, "size " + DisguisedImages.all().size());
        assertEquals(5, DisguisedImages.files().size());
    }

    @Test
    void everyDisguiseIsRefusedWherever() {
        List<String> missed = new ArrayList<>();
        for (DisguisedImages.Disguise d : DisguisedImages.all()) {
            String q = Json.quote(d.text());
            check(missed, d.name() + " alone", "{\"account\": " + q + "}");
            check(missed, d.name() + " in a sentence", "{\"account\": " + Json.quote("He sent me this: " + d.text() + " and then blocked me.") + "}");
            check(missed, d.name() + " nested", "{\"participants\": [{\"ref\": " + q + "}]}");
            check(missed, d.name() + " as a field name", "{" + q + ": true}");
        }
        assertTrue(missed.isEmpty(), missed.size() + " missed: " + missed);
    }

    private void check(List<String> missed, String name, String body) {
        ScanResult result = scanner.scan(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!(result instanceof ScanResult.Refused)) {
            missed.add(name);
        }
    }

    /** Minimal JSON string quoting for the test bodies. */
    static final class Json {
        static String quote(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
