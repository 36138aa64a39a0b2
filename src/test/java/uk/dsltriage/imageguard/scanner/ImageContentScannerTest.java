package uk.dsltriage.imageguard.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases, paths, limits, URL policy, thread safety. */
class ImageContentScannerTest {

    private final ImageContentScanner scanner = new ImageContentScanner();

    private ScanResult scan(String json) {
        return scanner.scan(json.getBytes(StandardCharsets.UTF_8));
    }

    private ScanResult scanValue(String text) {
        return scan("{\"account\":" + SmugglingCorpus.quote(text, false) + "}");
    }

    private static void assertRefused(ScanResult r, String path, RefusalReason reason) {
        ScanResult.Refused ref = assertInstanceOf(ScanResult.Refused.class, r);
        assertEquals(path, ref.fieldPath());
        if (reason != null) {
            assertEquals(reason, ref.reason());
        }
    }

    // ------------------------------------------------------------------------------------------------ malformed

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "{", "}", "{\"a\":}", "[1,2", "nul", "{'a':1}", "{\"a\":1} x", "{} {}",
        "{}[]", "// c\n{}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\" 1}", "{\"a\":1,}", "[1,]", "\"unterminated",
        "{\"a\":\"\\x41\"}", "tru", "{\"a\":1}}"})
    void malformedJsonIsMalformed(String body) {
        assertInstanceOf(ScanResult.Malformed.class, scan(body), () -> "body: " + body);
    }

    @Test
    void nullAndInvalidUtf8AreMalformed() {
        assertInstanceOf(ScanResult.Malformed.class, scanner.scan(null));
        assertInstanceOf(ScanResult.Malformed.class, scanner.scan(new byte[0]));
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertInstanceOf(ScanResult.Malformed.class, scanner.scan(bad));
        byte[] raw = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, '"', '}'};
        assertInstanceOf(ScanResult.Malformed.class, scanner.scan(raw));
    }

    @Test
    void scalarsNullsNumbersAndBomAreClean() {
        for (String body : List.of("null", "true", "42", "-1.5e10", "\"hello\"", "{}", "[]", "{\"a\":null,\"b\":[null,true,false]}",
            "{\"n\":12345678901234567890,\"f\":3.141592653589793,\"e\":-2.5E-7,\"z\":0,\"neg\":-128}",
            "\uFEFF{\"a\":1}")) {
            assertTrue(scan(body).isClean(), body);
        }
    }

    @Test
    void veryLongNumbersAreRefused() {
        assertRefused(scan("{\"n\":" + "9".repeat(41) + "}"), "n", RefusalReason.OPAQUE_ENCODED_RUN);
        assertRefused(scan("[1, 0." + "7".repeat(60) + "]"), "[1]", RefusalReason.OPAQUE_ENCODED_RUN);
    }

    // ------------------------------------------------------------------------------------------------ depth

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{\"leaf\":1}" + "}".repeat(depth - 1);
    }

    @Test
    void depthLimitIs64() {
        assertTrue(scan(nested(64)).isClean());
        assertInstanceOf(ScanResult.Malformed.class, scan(nested(65)));
        assertInstanceOf(ScanResult.Malformed.class, scan("[".repeat(100_000) + "]".repeat(100_000)));
        assertInstanceOf(ScanResult.Malformed.class, scan("[".repeat(100_000)));
    }

    @Test
    void customPolicyDepth() {
        ScannerPolicy d = ScannerPolicy.defaults();
        ImageContentScanner shallow = new ImageContentScanner(new ScannerPolicy(3, d.opaqueRunChars(), d.maxContiguousRun(),
            d.maxDigitRun(), d.maxNumberChars(), d.maxNumericMembers(), d.controlCharLimit(), d.replacementCharLimit(),
            d.nestedDecodeBytes(), d.maxNestLevel(), d.concatChars(), d.maxNumbersPerBody(), d.maxContainerMembers(),
            d.refuseDomainWithPath()));
        assertTrue(shallow.scan(nested(3).getBytes(StandardCharsets.UTF_8)).isClean());
        assertInstanceOf(ScanResult.Malformed.class, shallow.scan(nested(4).getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------------ size

    @Test
    void hugeProseStringIsCleanAndHugeEncodedStringIsRefused() {
        StringBuilder sb = new StringBuilder();
        List<String> texts = LegitimateTextCorpus.generatedAccounts();
        for (int i = 0; sb.length() < 2_000_000; i++) {
            sb.append(texts.get(i % texts.size())).append("\n\n");
        }
        assertTrue(scanValue(sb.toString()).isClean());
        assertRefused(scanValue(sb + " data:image/png;base64,AAAA"), "account", RefusalReason.DATA_URI);
        byte[] noise = new byte[1_000_000];
        new java.util.Random(3).nextBytes(noise);
        assertRefused(scanValue(Base64.getEncoder().encodeToString(noise)), "account", RefusalReason.OPAQUE_ENCODED_RUN);
    }

    // ------------------------------------------------------------------------------------------------ paths

    @Test
    void pathsNameTheFieldOnly() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        assertRefused(scan("\"" + png + "\""), "$", RefusalReason.ENCODED_MEDIA);
        assertRefused(scan("{\"a\":{\"b\":[1,{\"c\":\"" + png + "\"}]}}"), "a.b[1].c", RefusalReason.ENCODED_MEDIA);
        assertRefused(scan("{\"a\":[[\"x\",\"" + png + "\"]]}"), "a[0][1]", RefusalReason.ENCODED_MEDIA);
        assertRefused(scan("[\"ok\",\"" + png + "\"]"), "[1]", RefusalReason.ENCODED_MEDIA);
        // a smuggled field NAME: the path of its object plus a marker, never the key text
        assertRefused(scan("{\"" + png + "\":1}"), ImageContentScanner.FIELD_NAME_MARKER, RefusalReason.ENCODED_MEDIA);
        assertRefused(scan("{\"p\":[{\"ok\":1,\"" + png + "\":true}]}"), "p[0].<field name>", RefusalReason.ENCODED_MEDIA);
        // ancestor keys that are not plain identifiers are masked too
        ScanResult r = scan("{\"weird key: CANARY-x\":{\"v\":\"" + png + "\"}}");
        assertRefused(r, "<field name>.v", RefusalReason.ENCODED_MEDIA);
        assertFalse(r.toString().contains("CANARY"));
        assertFalse(r.toString().contains("iVBOR"));
    }

    @Test
    void firstFindingWins() {
        ScanResult r = scan("{\"a\":\"fine\",\"b\":\"https://example.com/x\",\"c\":\"data:image/png;base64,AAAA\"}");
        assertRefused(r, "b", RefusalReason.URL);
    }

    // ------------------------------------------------------------------------------------------------ binary

    @Test
    void controlCharactersAndNumericArrays() {
        assertTrue(scanValue("tab\tnewline\ncr\r end").isClean());
        assertTrue(scanValue("one stray \u000b vertical tab from Word").isClean());
        assertRefused(scanValue("\u0000\u0001\u0002\u0003"), "account", RefusalReason.BINARY_CONTENT);
        assertRefused(scanValue("\ufffd".repeat(8)), "account", RefusalReason.BINARY_CONTENT);
        assertTrue(scanValue("two replacement chars \ufffd\ufffd from a bad emoji").isClean());

        StringBuilder ints = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            ints.append(i == 0 ? "" : ",").append(i % 256);
        }
        assertRefused(scan("{\"bytes\":" + ints + "]}"), "bytes", RefusalReason.BINARY_CONTENT);
        // pixels as [[r,g,b],...]: no container is long, but the body holds too many numbers
        StringBuilder px = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            px.append(i == 0 ? "" : ",").append("[12,34,56]");
        }
        assertInstanceOf(ScanResult.Refused.class, scan("{\"px\":" + px + "]}"));
        // booleans as bits
        assertInstanceOf(ScanResult.Refused.class, scan("{\"bits\":[" + "true,false,".repeat(600) + "true]}"));
        // small legitimate arrays are fine
        assertTrue(scan("{\"scores\":[1,2,3,4,5,6,7,8,9,10],\"ages\":[14,15,16]}").isClean());
        // floats that are whole numbers still form bytes
        assertInstanceOf(ScanResult.Refused.class, scan("{\"b\":[255.0,216.0,255.0,224.0,0,16]}"));
        assertInstanceOf(ScanResult.Refused.class, scan("{\"b\":[-1,-40,-1,-32,0,16]}"));
        assertInstanceOf(ScanResult.Refused.class, scan("{\"b\":{\"0\":137,\"1\":80,\"2\":78,\"3\":71,\"4\":13,\"5\":10}}"));
    }

    @Test
    void shortBase64OfPlainTextIsAllowedButNotOfMedia() {
        // policy: a short base64 run that decodes to ordinary text is not refused (documented)
        assertTrue(scanValue("token aGVsbG8gd29ybGQ=").isClean());
        assertInstanceOf(ScanResult.Refused.class, scanValue("R0lGODlhAQABAAAAACw="));
        assertInstanceOf(ScanResult.Refused.class, scanValue("/9j/4AAQSkZJRg"));
    }

    // ------------------------------------------------------------------------------------------------ markup

    @Test
    void markup() {
        assertRefused(scanValue("<svg><circle r=\"1\"/></svg>"), "account", RefusalReason.MARKUP);
        assertRefused(scanValue("look <img src=x onerror=y>"), "account", RefusalReason.MARKUP);
        assertRefused(scanValue("<IMG SRC = 'a.png'>"), "account", RefusalReason.MARKUP);
        assertRefused(scanValue("<?xml version=\"1.0\"?><x/>"), "account", RefusalReason.MARKUP);
        assertRefused(scanValue("&lt;svg&gt;"), "account", RefusalReason.MARKUP);
        assertRefused(scanValue("<iframe>"), "account", RefusalReason.MARKUP);
        for (String ok : List.of("I <3 you", "3 < 5 > 2", "<image removed>", "[image removed]", "<img>", "a<b",
            "<< quote >>", "<Year 9>", "I'll <b>never</b> do it", "<3 <3 <3")) {
            assertTrue(scanValue(ok).isClean(), ok);
        }
    }

    // ------------------------------------------------------------------------------------------------ URLs

    @ParameterizedTest
    @ValueSource(strings = {"https://x.co", "see http://localhost:8080/a", "ftp://files.example.com/a", "HTTPS://EXAMPLE.COM",
        "www.example.com", "WWW.Example.co.uk", "go to example.com/abc now", "bit.ly/3xYz", "t.me/somechannel",
        "discord.gg/abcd", "sub.domain.org/path?q=1", "192.168.0.1/admin", "10.0.0.1:8080", "//cdn.example.net/x.jpg",
        "hxxp://evil.example/x", "example[.]com/x", "https\uFF1A\uFF0F\uFF0Fexample.com", "aHR0cHM6Ly9leGFtcGxlLmNvbS9hYmM=",
        "https%3A%2F%2Fexample.com%2Fx", "file:///etc/passwd", "onlyfans.com/someone", "snapchat.com/add/jay_2009",
        "instagram.com/jay.2009/", "tiktok.com/@jay", "http:\\\\example.com", "www[.]bad[.]example", "s3://bucket/key",
        "android-app://com.example/x", "mega.nz/file/abc#key", "drive.google.com/file/d/123", "BIT.LY/ABC",
        "T.ME/channel", "example.sk/x", "www.example.sk"})
    void urlsAreRefused(String text) {
        assertRefused(scanValue(text), "account", RefusalReason.URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"snapchat.com", "Snapchat", "iwf.org.uk", "example.com.", "e.g./i.e.", "and/or", "24/7",
        "Mr.Smith/Mrs.Jones", "St.Mary's", "3.5/5 rating", "v1.2/v1.3", "j.bloggs@school.sch.uk", "10:30", "1.2.3",
        "www", "w.w.w", "IWF-2026-001234", "he said: // nothing", "N/A", "data: none", "No.10/11", "approx.3/4",
        "KS3/KS4", "he/she", "file IMG_0042.JPG", "photo.png/video.mp4 mentioned", "ratio 1:2:3", "Yr.9/10",
        "12.03.2026/13.03.2026", "a.m./p.m.", "etc./and so on", "Ms.Ng/Mr.Li were informed", "Mr.Jo/Ms.Al",
        "Snapchat/Instagram/TikTok/WhatsApp", "St.Helens/Wigan"})
    void textThatOnlyLooksLikeUrlsIsClean(String text) {
        assertTrue(scanValue(text).isClean(), text);
    }

    @Test
    void domainWithPathCanBeAllowedByPolicy() {
        ScannerPolicy d = ScannerPolicy.defaults();
        ImageContentScanner lenient = new ImageContentScanner(new ScannerPolicy(d.maxDepth(), d.opaqueRunChars(),
            d.maxContiguousRun(), d.maxDigitRun(), d.maxNumberChars(), d.maxNumericMembers(), d.controlCharLimit(),
            d.replacementCharLimit(), d.nestedDecodeBytes(), d.maxNestLevel(), d.concatChars(), d.maxNumbersPerBody(),
            d.maxContainerMembers(), false));
        assertTrue(lenient.scan("{\"a\":\"example.com/x\"}".getBytes(StandardCharsets.UTF_8)).isClean());
        assertInstanceOf(ScanResult.Refused.class, lenient.scan("{\"a\":\"https://example.com/x\"}".getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------------------------------------ data URIs

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,AAAA", "data:,hello", "data:;base64,AAAA", "DATA:TEXT/PLAIN,hi",
        "x data:application/pdf;base64,JVBERi0=", "(data:image/gif,x)", "image/png;base64,AAAA", "data:image/svg+xml"})
    void dataUrisAreRefused(String text) {
        assertRefused(scanValue(text), "account", RefusalReason.DATA_URI);
    }

    // ------------------------------------------------------------------------------------------------ chunking

    @Test
    void chunksSpreadOverContainersAreReassembled() {
        String b64 = SmugglingCorpus.b64(SmugglingCorpus.jpeg("CANARY-chunk"));
        StringBuilder sb = new StringBuilder("{\"parts\":[");
        for (int i = 0; i < b64.length(); i += 3) {
            sb.append(i == 0 ? "" : ",").append("{\"p\":\"").append(b64, i, Math.min(b64.length(), i + 3)).append("\"}");
        }
        ScanResult r = scan(sb.append("]}").toString());
        assertInstanceOf(ScanResult.Refused.class, r);
    }

    // ------------------------------------------------------------------------------------------------ API

    @Test
    void inspectTextAndThreadSafety() throws Exception {
        assertNull(scanner.inspectText("A Year 9 pupil told me at 10:15."));
        assertNull(scanner.inspectText(null));
        assertEquals(RefusalReason.URL, scanner.inspectText("https://x.y/z"));

        List<SmugglingCorpus.Sample> samples = SmugglingCorpus.samples();
        List<String> legit = LegitimateTextCorpus.bodies();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < 3; k++) {
                        for (SmugglingCorpus.Sample s : samples) {
                            if (!(scanner.scan(SmugglingCorpus.bodyBytes(s, SmugglingCorpus.Placement.ARRAY_ELEMENT))
                                instanceof ScanResult.Refused)) {
                                return false;
                            }
                        }
                        for (String b : legit) {
                            if (!scanner.scan(b.getBytes(StandardCharsets.UTF_8)).isClean()) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) {
                assertTrue(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
