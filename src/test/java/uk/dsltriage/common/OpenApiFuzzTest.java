package uk.dsltriage.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.OperationFixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * A fuzz generated from the served OpenAPI document: for every operation, seeded mutations of its body (the
 * contract's example), its path, query and header parameters and its headers (wrong types, missing and extra fields,
 * huge and deep values, invalid enums, NUL, lone surrogates, other unicode edge cases, injection strings), sent with
 * the token of a persona the operation serves, another tenant's, an expired, a foreign-signed or no token.
 * <p>
 * Never a 5xx; every refusal is problem+json; a refused request changes no table other than the audit trail (which
 * records refusals by design): row counts of every other table, and the incidents' versions, are the same after it.
 * <p>
 * {@code -Dfuzz.requests=N} (default 10,000) and {@code -Dfuzz.seed=S}; the counts are written to
 * target/fuzz-report.md, and to docs/fuzz-report.md with {@code -Dfuzz.report.update=true}.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Writes every non-ASCII character as a \\u escape, so lone surrogates reach the server as JSON escapes. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final Path REPORT = Path.of("docs", "fuzz-report.md");
    /** The audit trail records refusals on purpose; every other table must be untouched by a refused request. */
    private static final List<String> AUDIT_TABLES = List.of("audit_event", "audit_chain_head", "flyway_schema_history");

    private static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\uFEFFP1", "\u202Eevil", "e\u0301\u0301\u0301",
            "😀", "\u200B\u200B", "P1\r\nX-Injected: 1", "'; DROP TABLE incident; --", "\" OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00", "%s%s%n",
            "{{7*7}}", "\\u0000", "null", "true", "-1", "0", "1e400", "NaN", "99999999999999999999999",
            "2026-13-45T99:99:99Z", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "NOT_AN_ENUM", "dsl", "*",
            "00000000-0000-0000-0000-000000000000", "W/\"1\"", "\"1\"", "\"9999999999999999999\"");
    /** Pre-encoded query and path values, including bytes that are not UTF-8. */
    private static final List<String> HOSTILE_ENCODED = List.of(
            "%00", "%C0%AF", "%FF%FE", "%ED%A0%80", "%F0%9F%98%80", "%E2%80%AE", "..%2F..%2F", "%25", "%2F", "a%0D%0Ab",
            "%27%3B--", "%3Cscript%3E", "1e400", "-1", "99999999999999999999", "", "NaN", "true", "%7B%7D", "%5B%5D");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
            "text/plain", "image/jpeg", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json; charset=\"unterminated", "application/merge-patch+json", "*/*", ";;;", "application/");

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> byOperation = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int serverErrors;
    private int refusalsNotProblem;
    private int refusedButStored;
    private int refusedWrites;

    @Test
    void everyOperationSurvivesMutatedRequests() throws Exception {
        JsonNode contract = MAPPER.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        OperationFixtures fixtures = OperationFixtures.create();
        List<Operation> operations = operations(contract, OperationFixtures.homePersonas());
        Random random = new Random(SEED);
        long started = System.nanoTime();
        String storedBefore = storageFingerprint();
        // Until REQUESTS have reached the server: a few attempts are values the HTTP client itself will not send.
        for (int i = 0; sent < REQUESTS && i < 2 * REQUESTS; i++) {
            Operation operation = operations.get(i % operations.size());
            Attempt attempt = mutate(operation, fixtures, random);
            HttpResponse<String> response = send(attempt);
            if (response == null) {
                continue;
            }
            String storedAfter = operation.writes() ? storageFingerprint() : storedBefore;
            judge(operation, attempt, response, storedBefore, storedAfter);
            storedBefore = storedAfter;
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        writeReport(operations.size(), seconds);
        assertTrue(sent >= REQUESTS, "requests that reached the server: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first ones:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    // --- what is sent ---

    record Operation(String id, String method, String path, List<JsonNode> parameters, JsonNode example, Persona home) {
        boolean writes() {
            return !method.equals("GET");
        }
    }

    record Attempt(String method, String uri, Map<String, String> headers, byte[] body, String token, String mutation) {
    }

    private Attempt mutate(Operation op, OperationFixtures fixtures, Random random) throws IOException {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : op.parameters()) {
            String name = parameter.path("name").asText();
            String value = name.equals("If-None-Match") ? null : fixtures.validValue(op.path(), name);
            switch (parameter.path("in").asText()) {
                case "path" -> path.put(name, value);
                case "query" -> {
                    if (value != null && random.nextBoolean()) {
                        query.put(name, value);
                    }
                }
                case "header" -> {
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                default -> { }
            }
        }
        byte[] body = op.example() == null ? null : MAPPER.writeValueAsBytes(op.example());
        String contentType = body == null ? null : "application/json";
        String token = op.home().token();
        List<String> kinds = new ArrayList<>();
        int choice = random.nextInt(100);
        if (op.example() != null && choice < 45) {
            kinds.add("body");
            body = mutatedBody(op.example(), random);
        } else if (choice < 65 && !op.parameters().isEmpty()) {
            kinds.add("parameter");
            mutateParameter(op, path, query, headers, random);
        } else if (choice < 80) {
            kinds.add("header");
            if (random.nextBoolean() || body == null) {
                headers.put(pick(random, List.of("If-Match", "Idempotency-Key", "X-Correlation-Id", "If-None-Match", "Accept",
                        "X-Unknown-" + random.nextInt(9))), headerValue(random));
            } else {
                contentType = pick(random, CONTENT_TYPES);
            }
        } else if (choice < 92) {
            kinds.add("token");
            token = otherToken(random);
        } else {
            kinds.add("query-extra");
            query.put(pick(random, List.of("unknown", "page", "size", "limit", "status", "$where", "id")),
                    pick(random, HOSTILE_ENCODED));
        }
        if (random.nextInt(10) == 0 && op.example() != null && !kinds.contains("body")) {
            kinds.add("body");
            body = mutatedBody(op.example(), random);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        String uri = expand(op.path(), path) + queryString(query);
        return new Attempt(op.method(), uri, headers, body, token, op.id() + " " + String.join("+", kinds));
    }

    private void mutateParameter(Operation op, Map<String, String> path, Map<String, String> query,
            Map<String, String> headers, Random random) {
        JsonNode parameter = op.parameters().get(random.nextInt(op.parameters().size()));
        String name = parameter.path("name").asText();
        switch (parameter.path("in").asText()) {
            case "path" -> path.put(name, random.nextInt(4) == 0 ? UUID.randomUUID().toString() : pick(random, HOSTILE_ENCODED)
                    + (random.nextInt(5) == 0 ? "x".repeat(random.nextInt(3000)) : ""));
            case "query" -> {
                if (random.nextInt(6) == 0) {
                    query.remove(name);
                } else {
                    query.put(name, random.nextInt(6) == 0 ? "9".repeat(1 + random.nextInt(2000)) : pick(random, HOSTILE_ENCODED));
                }
            }
            case "header" -> {
                if (random.nextInt(4) == 0) {
                    headers.remove(name);
                } else {
                    headers.put(name, headerValue(random));
                }
            }
            default -> { }
        }
    }

    private static String headerValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(1 + random.nextInt(4000));
            case 1 -> "\"" + random.nextLong() + "\"";
            case 2 -> "ünïcødé-" + random.nextInt();
            default -> pick(random, HOSTILE_STRINGS);
        };
    }

    private String otherToken(Random random) {
        long now = Instant.now().getEpochSecond();
        return switch (random.nextInt(7)) {
            case 0 -> Tokens.builder("dsl-a", "dsl", "staff").claim("school_urn", Fixtures.SCHOOL_A)
                    .issuedAt(now - 1200).expiresAt(now - 600).sign(Tokens.key());
            case 1 -> Persona.DSL_B.token();
            case 2 -> Persona.LA_OFFICER_2.token();
            case 3 -> null;
            case 4 -> "not.a.token";
            case 5 -> Persona.NO_SUB.token();
            default -> Persona.STAFF_A.token();
        };
    }

    private byte[] mutatedBody(JsonNode example, Random random) throws IOException {
        switch (random.nextInt(12)) {
            case 0 -> {
                return raw(random);
            }
            case 1 -> {
                ObjectNode extra = example.isObject() ? (ObjectNode) example.deepCopy() : NODES.objectNode();
                extra.set("unexpected" + random.nextInt(3), randomValue(random));
                return MAPPER.writeValueAsBytes(extra);
            }
            default -> {
                JsonNode mutant = mutate(example.deepCopy(), random, 1 + random.nextInt(3));
                return (random.nextBoolean() ? ESCAPING : MAPPER).writeValueAsBytes(mutant);
            }
        }
    }

    private static byte[] raw(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> "{\"account\": \"unterminated".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            case 3 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 4 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 5 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
            case 6 -> "null".getBytes(StandardCharsets.UTF_8);
            default -> ("{\"account\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static JsonNode mutate(JsonNode root, Random random, int times) {
        for (int t = 0; t < times; t++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                break;
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(5) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, randomValue(random));
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                array.set(random.nextInt(array.size()), randomValue(random));
            }
        }
        return random.nextInt(20) == 0 ? randomValue(random) : root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(15)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 5 -> NODES.numberNode(-1.5);
            case 6, 7 -> NODES.textNode(pick(random, HOSTILE_STRINGS));
            case 8 -> NODES.textNode("2026-13-45T99:99:99Z");
            case 9 -> NODES.textNode("NOT_AN_ENUM");
            case 10 -> NODES.arrayNode().add(NODES.textNode("x")).add(NODES.numberNode(1));
            case 11 -> NODES.objectNode().put("unexpected", true);
            case 12 -> deep(random.nextInt(120));
            case 13 -> wide(random.nextInt(2000));
            default -> NODES.textNode("a".repeat(random.nextInt(12_000)));
        };
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 3 != 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    private static JsonNode wide(int size) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add("P" + i);
        }
        return array;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String expand(String template, Map<String, String> values) {
        String uri = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            uri = uri.replace("{" + value.getKey() + "}", encodePath(value.getValue()));
        }
        return uri;
    }

    /** Values are pre-encoded or plain; anything a URI cannot carry as is gets percent-encoded. */
    private static String encodePath(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}#?/ ".indexOf(c) < 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        query.forEach((name, value) -> out.append(out.length() > 1 ? "&" : "").append(encodePath(name)).append('=')
                .append(encodePath(value)));
        return out.toString();
    }

    private HttpResponse<String> send(Attempt attempt) throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + attempt.uri()))
                    .timeout(Duration.ofSeconds(60))
                    .method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
            if (attempt.token() != null) {
                request.header("Authorization", "Bearer " + attempt.token());
            }
            attempt.headers().forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sent++;
            return response;
        } catch (IllegalArgumentException e) {
            // A header or URI the client library itself refuses to send (CR/LF, NUL): not a request, not counted.
            return null;
        } catch (IOException e) {
            failures.add(attempt.mutation() + " " + attempt.method() + " " + attempt.uri() + " -> I/O " + e.getClass().getSimpleName());
            return null;
        }
    }

    // --- what is judged ---

    private void judge(Operation op, Attempt attempt, HttpResponse<String> response, String storedBefore, String storedAfter) {
        int status = response.statusCode();
        statuses.merge(String.valueOf(status), 1, Integer::sum);
        byOperation.merge(op.id(), 1, Integer::sum);
        String where = attempt.mutation() + " " + attempt.method() + " " + abbreviate(attempt.uri()) + " -> " + status;
        if (status >= 500) {
            serverErrors++;
            failures.add(where);
        } else if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                refusalsNotProblem++;
                failures.add(where + " not problem+json (" + contentType + ")");
            }
            if (op.writes()) {
                refusedWrites++;
                if (!storedBefore.equals(storedAfter)) {
                    refusedButStored++;
                    failures.add(where + " refused but stored something: " + storedBefore + " -> " + storedAfter);
                }
            }
        }
    }

    private static String abbreviate(String uri) {
        return uri.length() > 160 ? uri.substring(0, 160) + "..." : uri;
    }

    private String storageFingerprint() {
        return DatabaseScan.rowCounts(dataSource, AUDIT_TABLES);
    }

    // --- the operations and the values that make a request valid ---

    private static List<Operation> operations(JsonNode contract, Map<String, Persona> homes) {
        List<Operation> operations = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String id = operation.path("operationId").asText();
            List<JsonNode> parameters = new ArrayList<>();
            operation.path("parameters").forEach(parameters::add);
            JsonNode example = operation.at("/requestBody/content/application~1json/example");
            operations.add(new Operation(id, op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), parameters,
                    example.isMissingNode() ? null : example, homes.getOrDefault(id, Persona.DSL_A)));
        }));
        return operations;
    }

    private void writeReport(int operations, long seconds) throws IOException {
        StringBuilder report = new StringBuilder()
                .append("# Fuzz report (generated by OpenApiFuzzTest; do not edit)\n\n")
                .append("Seed ").append(SEED).append(", ").append(operations).append(" operations of openapi/dsl-triage.yaml.\n\n")
                .append("| measure | count |\n|---|---|\n")
                .append("| requests sent | ").append(sent).append(" |\n")
                .append("| 5xx answers | ").append(serverErrors).append(" |\n")
                .append("| refusals (4xx) not problem+json | ").append(refusalsNotProblem).append(" |\n")
                .append("| refused writes checked against storage | ").append(refusedWrites).append(" |\n")
                .append("| refused writes that changed storage | ").append(refusedButStored).append(" |\n")
                .append("| wall time, seconds (shared machine: not a performance figure) | ").append(seconds).append(" |\n\n")
                .append("Answers by status:\n\n| status | count |\n|---|---|\n");
        statuses.forEach((status, count) -> report.append("| ").append(status).append(" | ").append(count).append(" |\n"));
        report.append("\nThe 429 behaviour (per-user rate limit) is proven by RateLimitTest, not here: the fuzz runs under the"
                + " %test profile, whose limit is out of reach.\n");
        report.append("\nRequests by operation:\n\n| operation | count |\n|---|---|\n");
        byOperation.forEach((op, count) -> report.append("| ").append(op).append(" | ").append(count).append(" |\n"));
        Path target = Path.of("target", "fuzz-report.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report.toString(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("fuzz.report.update")) {
            Files.writeString(REPORT, report.toString(), StandardCharsets.UTF_8);
        }
    }
}
