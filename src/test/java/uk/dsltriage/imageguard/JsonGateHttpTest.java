package uk.dsltriage.imageguard;


import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * The JSON-only gate answers every malformed, foreign or oversized body with a problem+json, never a 5xx and never
 * a bare status (headers over 8 KB: {@code HeaderSizeGateHttpTest}). The rule: the media type is judged before the caller is (the gate runs before routing and
 * authentication), so a bad {@code Content-Type} answers 415 for anonymous and authenticated callers alike.
 */
@QuarkusTest
class JsonGateHttpTest {

    private static final String CANARY = "zq7canaryhdr";

    @TestHTTPResource("/")
    URL root;

    private static final List<String> MALFORMED_TYPES = List.of("/", "x", "application/", "application/json, text/plain",
            ";;", "application/json;;", "/json", "application/json; charset", "application/json; =x",
            "application/json; charset=\"", "application/json " + CANARY.repeat(400), "text/" + CANARY.repeat(300),
            "applicätion/json", "application/jsön", "application/json; charset=ütf-8", "\u00e9", "a/b/c",
            "application/json; " + CANARY + "=1", "*/*", "application/*");

    private static final List<String> PATHS = List.of("/api/v1/incidents", "/api/v1/triage/evaluate",
            "/api/v1/incidents/00000000-0000-0000-0000-000000000000/addenda", "/api/v1/no-such-endpoint", "/api/");

    @Test
    void malformedContentTypesAnswer415ProblemForAnonymousAndAuthenticatedCallers() throws Exception {
        try (LogCapture logs = LogCapture.install()) {
            for (String path : PATHS) {
                for (String type : MALFORMED_TYPES) {
                    for (String token : new String[] {null, Persona.STAFF_A.token()}) {
                        Answer answer = send("POST", path, type, token, "{}".getBytes(StandardCharsets.UTF_8), false);
                        String where = path + " with Content-Type of length " + type.length()
                                + (token == null ? " (anonymous)" : " (authenticated)");
                        assertEquals(415, answer.status, where + ": " + answer.body);
                        assertTrue(answer.contentType.startsWith("application/problem+json"), where);
                        assertTrue(answer.body.contains("/problems/unsupported-media-type"), where);
                        assertFalse(answer.body.contains(CANARY), where);
                    }
                }
            }
            assertFalse(logs.text().contains(CANARY), "nothing of the header is logged");
            assertFalse(logs.text().contains("Unexpected"), "no internal error");
        }
    }

    @Test
    void onlyUtf8JsonIsAccepted() throws Exception {
        String body = Fixtures.incident();
        List<String> refusedTypes = List.of("application/json; charset=utf-16", "application/json; charset=UTF-16LE",
                "application/json; charset=utf-32", "application/json; charset=iso-8859-1",
                "application/json; charset=us-ascii", "application/json; charset=windows-1252",
                "application/json; charset=utf8", "application/json; charset=nonsense");
        for (String type : refusedTypes) {
            Answer answer = send("POST", "/api/v1/incidents", type, Persona.STAFF_A.token(),
                    body.getBytes(StandardCharsets.UTF_8), false);
            assertEquals(415, answer.status, type);
            assertTrue(answer.body.contains("UTF-8"), "the refusal names the contract: " + type);
        }
        List<byte[]> foreignEncodings = new ArrayList<>();
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            foreignEncodings.add(body.getBytes(Charset.forName(charset)));
        }
        foreignEncodings.add(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body.getBytes(StandardCharsets.UTF_8)));
        foreignEncodings.add(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body.getBytes(StandardCharsets.UTF_16LE)));
        foreignEncodings.add(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, body.getBytes(StandardCharsets.UTF_16BE)));
        foreignEncodings.add(concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, body.getBytes(Charset.forName("UTF-32BE"))));
        for (int i = 0; i < foreignEncodings.size(); i++) {
            for (String path : List.of("/api/v1/incidents", "/api/v1/triage/evaluate")) {
                Answer answer = send("POST", path, "application/json", Persona.STAFF_A.token(), foreignEncodings.get(i), false);
                assertEquals(415, answer.status, "encoding " + i + " at " + path + ": " + answer.body);
                assertTrue(answer.contentType.startsWith("application/problem+json"));
                assertTrue(answer.body.contains("UTF-8"), "the refusal names the contract");
            }
        }
        assertEquals(201, send("POST", "/api/v1/incidents", "application/json; charset=UTF-8", Persona.STAFF_A.token(),
                body.getBytes(StandardCharsets.UTF_8), false).status);
        assertEquals(201, send("POST", "/api/v1/incidents", "Application/JSON", Persona.STAFF_A.token(),
                body.getBytes(StandardCharsets.UTF_8), false).status);
    }

    @Test
    void oversizedBodiesAnswer413ProblemWithAndWithoutContentLength() throws Exception {
        for (int size : new int[] {70_000, 600_000, 1_100_000, 3_000_000}) {
            byte[] big = Fixtures.incident("x".repeat(size)).getBytes(StandardCharsets.UTF_8);
            for (boolean chunked : new boolean[] {false, true}) {
                for (String token : new String[] {null, Persona.STAFF_A.token()}) {
                    Answer answer = send("POST", "/api/v1/incidents", "application/json", token, big, chunked);
                    String where = size + (chunked ? " chunked" : " with Content-Length") + (token == null ? " anonymous" : "");
                    if (chunked && token == null) {
                        // A chunked body's size is known only while it is read, and it is read after authentication.
                        assertTrue(answer.status == 401 || answer.status == 413, where + ": " + answer.status);
                    } else {
                        assertEquals(413, answer.status, where);
                    }
                    assertTrue(answer.contentType.startsWith("application/problem+json"), where + ": " + answer.contentType);
                    if (answer.status == 413) {
                        assertTrue(answer.body.contains("/problems/payload-too-large"), where + ": " + answer.body);
                    }
                }
            }
        }
    }

    @Test
    void restAssuredBodyOverTheLimitIsAProblem() {
        RequestSpecification request = RestAssured.given()
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(Persona.STAFF_A.token()).contentType("application/json");
        request.body(Fixtures.incident("a word ".repeat(200_000))).post("/api/v1/incidents").then()
                .statusCode(413).contentType("application/problem+json").body("type", endsWith("/payload-too-large"));
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** Plain HttpURLConnection: RestAssured normalises or rejects the malformed headers these tests need to send. */
    private Answer send(String method, String path, String contentType, String token, byte[] body, boolean chunked)
            throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(root, path).openConnection();
        c.setRequestMethod(method);
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        c.setRequestProperty("Accept", "application/json");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (chunked) {
            c.setChunkedStreamingMode(8192);
        } else {
            c.setFixedLengthStreamingMode(body.length);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        } catch (java.io.IOException serverClosedEarly) {
            // the server may answer and close before the whole body is sent; its answer is read below
        }
        int status = c.getResponseCode();
        String type = String.valueOf(c.getContentType());
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(readAll(in), StandardCharsets.UTF_8);
        c.disconnect();
        return new Answer(status, type, text);
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
