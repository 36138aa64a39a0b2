package uk.dsltriage.imageguard.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LegitimateTextTest {

    private final ImageContentScanner scanner = new ImageContentScanner();

    @Test
    void corpusIsBigEnough() {
        assertTrue(LegitimateTextCorpus.texts().size() >= 100, "at least 100 legitimate strings");
    }

    @Test
    void everyLegitimateTextIsCleanAndFalsePositiveRateIsZero() {
        List<String> texts = LegitimateTextCorpus.texts();
        List<String> bodies = LegitimateTextCorpus.bodies();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String t : texts) {
            ScanResult r = scanner.scan(("{\"account\":" + SmugglingCorpus.quote(t, false) + "}").getBytes(StandardCharsets.UTF_8));
            checked++;
            if (!r.isClean()) {
                failures.add(r + " <- text #" + texts.indexOf(t) + ": " + abbreviate(t));
            }
        }
        for (String b : bodies) {
            ScanResult r = scanner.scan(b.getBytes(StandardCharsets.UTF_8));
            checked++;
            if (!r.isClean()) {
                failures.add(r + " <- body #" + bodies.indexOf(b));
            }
        }
        double rate = (double) failures.size() / checked;
        System.out.printf("[imageguard] legitimate corpus: %d texts + %d bodies checked, %d refused, false-positive rate %.4f%%%n",
            texts.size(), bodies.size(), failures.size(), rate * 100);
        assertEquals(List.of(), failures, "false positives");
    }

    private static String abbreviate(String t) {
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }

    // ---------------------------------------------------------------------------------------------- properties
    // Property-style checks with seeded java.util.Random generators (plain JUnit, reproducible: the seed is in
    // every failure message).

    private static final String[] TOKENS = {"Snapchat", "TikTok", "@jay_2009", "IWF-2026-001234", "07700 900123",
        "\u00a3150", "10:45", "03/03/2026", "Year 9", "DSL", "caf\u00e9", "\u0142\u00f3d\u017a", "\u5b66\u751f",
        "\ud83d\ude2d", "h\u0177n", "Mississippi", "AbCdEfGh", "iPhone", "WhatsApp", "e.g.", "and/or", "24/7", "50%",
        "A&E", "<3", "3 < 5", "snapchat.com", "j.bloggs@school.sch.uk", "01/123456/26", "7B", "Y10", "M1 1AE"};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", ", ", ". ", "; ", "\n", " - ", "! ", "? ", ": "};

    static String naturalText(Random rnd) {
        int words = 1 + rnd.nextInt(300);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int kind = rnd.nextInt(10);
            if (kind < 5) {
                sb.append(lowerWord(rnd, 1 + rnd.nextInt(12)));
            } else if (kind < 7) {
                String w = lowerWord(rnd, 1 + rnd.nextInt(10));
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            } else if (kind < 8) {
                sb.append(rnd.nextInt(100000));
            } else {
                sb.append(TOKENS[rnd.nextInt(TOKENS.length)]);
            }
            sb.append(SEPARATORS[rnd.nextInt(SEPARATORS.length)]);
        }
        return sb.toString().trim();
    }

    private static String lowerWord(Random rnd, int len) {
        // letter frequencies roughly like English so that words are pronounceable-ish
        String letters = "eeeeeeeeeeeettttttttaaaaaaaaooooooooiiiiiiinnnnnnnsssssshhhhhhrrrrrrddddllllcccuuummwwffggyyppbbvkjxqz";
        StringBuilder w = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            w.append(letters.charAt(rnd.nextInt(letters.length())));
        }
        return w.toString();
    }

    @Test
    void naturalLanguageIshTextIsClean() {
        for (int seed = 0; seed < 2000; seed++) {
            String text = naturalText(new Random(seed));
            ScanResult r = scanner.scan(("{\"account\":" + SmugglingCorpus.quote(text, false) + "}").getBytes(StandardCharsets.UTF_8));
            int s = seed;
            assertTrue(r.isClean(), () -> r + " for seed " + s + ": " + text);
        }
    }

    @Test
    void randomBytesNeverThrow() {
        for (int seed = 0; seed < 3000; seed++) {
            Random rnd = new Random(seed);
            byte[] bytes = new byte[rnd.nextInt(700)];
            rnd.nextBytes(bytes);
            if (seed % 3 == 0 && bytes.length > 2) {
                bytes[0] = '{';
                bytes[1] = '"';
            }
            ScanResult r = scanner.scan(bytes);
            assertNotNull(r);
            int s = seed;
            assertTrue(!(r instanceof ScanResult.Refused) || ((ScanResult.Refused) r).reason() != RefusalReason.SCANNER_ERROR,
                () -> "seed " + s);
        }
    }

    @Test
    void randomStringsInsideJsonNeverThrow() {
        for (int seed = 0; seed < 3000; seed++) {
            Random rnd = new Random(seed);
            char[] cs = new char[rnd.nextInt(500)];
            for (int i = 0; i < cs.length; i++) {
                int mode = rnd.nextInt(4);
                cs[i] = (char) (mode == 0 ? rnd.nextInt(0x80) : mode == 1 ? rnd.nextInt(0x100) : mode == 2
                    ? 0x20 + rnd.nextInt(0x5F) : rnd.nextInt(0x10000));
            }
            String s = new String(cs);
            ScanResult r = scanner.scan(("{\"a\":[" + SmugglingCorpus.quote(s, rnd.nextBoolean()) + "]}").getBytes(StandardCharsets.UTF_8));
            assertNotNull(r);
            int sd = seed;
            assertTrue(!(r instanceof ScanResult.Refused) || ((ScanResult.Refused) r).reason() != RefusalReason.SCANNER_ERROR,
                () -> "seed " + sd);
        }
    }
}
