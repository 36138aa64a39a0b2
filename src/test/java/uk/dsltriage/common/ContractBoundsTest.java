package uk.dsltriage.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.OperationFixtures;
import uk.dsltriage.support.Persona;

/**
 * Every bound the served contract states is the one the service enforces. For every operation, every bounded body
 * field (walked from the request schema along the operation's example) and every bounded parameter: a value one past
 * the bound (maxLength + 1, maxItems + 1, maximum + 1, minimum - 1, a value outside the enum or the pattern) is
 * refused with 400/422 problem+json and nothing is stored; the bound itself is not refused for that field.
 */
@QuarkusTest
class ContractBoundsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROSE = "The pupil said it happened at lunch near the library and a friend saw it. ";
    private static final List<String> AUDIT_TABLES = List.of("audit_event", "audit_chain_head");

    @Inject
    AgroalDataSource dataSource;

    private JsonNode contract;
    private final List<String> failures = new ArrayList<>();
    private int overChecked;
    private int atChecked;
    private final List<String> atSkipped = new ArrayList<>();
    /** The messages a value past a bound got, by operation and field: the bound itself must not get them. */
    private final Map<String, List<String>> boundReasons = new java.util.HashMap<>();

    @Test
    void everyStatedBoundIsEnforcedAndTheBoundItselfIsAccepted() throws IOException {
        contract = MAPPER.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        OperationFixtures fixtures = OperationFixtures.create();
        Map<String, Persona> homes = OperationFixtures.homePersonas();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Target target = new Target(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(java.util.Locale.ROOT),
                    path.getKey(), op.getValue(), homes.getOrDefault(op.getValue().path("operationId").asText(), Persona.DSL_A),
                    fixtures);
            checkParameters(target);
            JsonNode example = op.getValue().at("/requestBody/content/application~1json/example");
            JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
            if (!example.isMissingNode() && !schema.isMissingNode()) {
                checkBody(target, resolve(schema), example, "");
            }
        }));
        Path report = Path.of("target", "contract-bounds.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "over-bound checks: " + overChecked + "\nat-bound checks: " + atChecked
                + "\nat-bound skipped (no value of exactly that length matches the pattern or format):\n"
                + String.join("\n", atSkipped) + "\n", StandardCharsets.UTF_8);
        assertTrue(overChecked > 100, "the walk must reach the bounded fields: " + overChecked);
        assertTrue(failures.isEmpty(), failures.size() + " bounds not as stated:\n" + String.join("\n", failures));
    }

    record Target(String id, String method, String path, JsonNode operation, Persona persona, OperationFixtures fixtures) {
    }

    /** One value to try: past the bound (must be refused) or at it (must not be refused for this field). */
    record Probe(String label, JsonNode value, boolean over) {
    }

    // --- body fields ---

    private void checkBody(Target target, JsonNode schema, JsonNode example, String path) {
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || !example.isObject()) {
            return;
        }
        properties.fields().forEachRemaining(property -> {
            String field = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            JsonNode propertySchema = merged(property.getValue());
            for (Probe probe : probes(propertySchema)) {
                ObjectNode body = (ObjectNode) target.operation().at("/requestBody/content/application~1json/example").deepCopy();
                if (set(body, field, probe.value())) {
                    judge(target, field, probe, body, null);
                }
            }
            JsonNode value = example.path(property.getKey());
            if (isType(propertySchema, "object")) {
                checkBody(target, propertySchema, value.isObject() ? value : NODES.objectNode(), field);
            } else if (isType(propertySchema, "array")) {
                JsonNode items = merged(propertySchema.path("items"));
                JsonNode first = value.isArray() && !value.isEmpty() ? value.get(0) : null;
                for (Probe probe : probes(items)) {
                    ObjectNode body = (ObjectNode) target.operation().at("/requestBody/content/application~1json/example").deepCopy();
                    if (set(body, field + "[0]", probe.value())) {
                        judge(target, field + "[0]", probe, body, null);
                    }
                }
                if (first != null && isType(items, "object")) {
                    checkBody(target, items, first, field + "[0]");
                }
            }
        });
    }

    private List<Probe> probes(JsonNode schema) {
        List<Probe> probes = new ArrayList<>();
        if (schema.has("enum")) {
            probes.add(new Probe("outside the enum", NODES.textNode("NOT_IN_THE_ENUM"), true));
            probes.add(new Probe("an enum value", schema.get("enum").get(0), false));
        }
        if (isType(schema, "string") && !schema.has("enum")) {
            Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                probes.add(new Probe("maxLength + 1 (" + (max + 1) + ")", NODES.textNode(prose(max + 1)), true));
                String at = atLength(max, pattern, schema.path("format").asText(null));
                if (at != null) {
                    probes.add(new Probe("maxLength (" + max + ")", NODES.textNode(at), false));
                }
            }
            String outside = pattern == null ? null : outside(pattern);
            if (outside != null) {
                probes.add(new Probe("outside the pattern", NODES.textNode(outside), true));
            }
        }
        if (isType(schema, "integer") || isType(schema, "number")) {
            if (schema.has("maximum") && schema.get("maximum").canConvertToLong() && schema.get("maximum").asLong() < Long.MAX_VALUE) {
                long max = schema.get("maximum").asLong();
                probes.add(new Probe("maximum + 1", NODES.numberNode(max + 1), true));
                probes.add(new Probe("maximum", NODES.numberNode(max), false));
            }
            if (schema.has("minimum") && schema.get("minimum").canConvertToLong()) {
                long min = schema.get("minimum").asLong();
                probes.add(new Probe("minimum - 1", NODES.numberNode(min - 1), true));
                probes.add(new Probe("minimum", NODES.numberNode(min), false));
            }
        }
        if (isType(schema, "array") && schema.has("maxItems")) {
            int max = schema.get("maxItems").asInt();
            JsonNode item = sampleItem(merged(schema.path("items")));
            if (item != null) {
                probes.add(new Probe("maxItems + 1 (" + (max + 1) + ")", repeat(item, max + 1), true));
                probes.add(new Probe("maxItems (" + max + ")", repeat(item, max), false));
            }
        }
        return probes;
    }

    /** A string of exactly {@code length} characters that the pattern and format allow, or null if none is found. */
    private String atLength(int length, Pattern pattern, String format) {
        if (format != null) {
            atSkipped.add("format " + format + " at " + length);
            return null;
        }
        List<String> candidates = new ArrayList<>(List.of(prose(length), "a".repeat(length), "A".repeat(length), "1".repeat(length),
                length > 1 ? "P" + "1".repeat(length - 1) : "1", length > 1 ? "A" + "1".repeat(length - 1) : "A"));
        if (length > 6) {
            candidates.add("ABCDEF".substring(0, 6) + "1".repeat(length - 6));
        }
        for (String candidate : candidates) {
            if (pattern == null || pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
        atSkipped.add("pattern " + pattern + " at " + length);
        return null;
    }

    /** A value the pattern does not match; OpenAPI (JSON Schema) patterns are unanchored, so "matches" means found. */
    private static String outside(Pattern pattern) {
        for (String candidate : List.of("no such thing!", "   ", "", "!", "a")) {
            if (!pattern.matcher(candidate).find()) {
                return candidate;
            }
        }
        return null;
    }

    private static String prose(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(PROSE);
        }
        text.setLength(length);
        // A trailing space would be a different value after trimming; end on a letter.
        if (length > 0 && text.charAt(length - 1) == ' ') {
            text.setCharAt(length - 1, 'x');
        }
        return text.toString();
    }

    private JsonNode sampleItem(JsonNode items) {
        if (items.has("enum")) {
            return items.get("enum").get(0);
        }
        if (isType(items, "string")) {
            return NODES.textNode(items.has("pattern") ? "P1" : "x");
        }
        if (isType(items, "boolean")) {
            return NODES.booleanNode(true);
        }
        return null;
    }

    private static ArrayNode repeat(JsonNode item, int times) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < times; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    /** Sets a value at a path such as {@code participants[0].ref}; false when the path cannot be built. */
    private static boolean set(ObjectNode body, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String segment = segments[i];
            boolean indexed = segment.endsWith("[0]");
            String name = indexed ? segment.substring(0, segment.length() - 3) : segment;
            if (!(node instanceof ObjectNode object)) {
                return false;
            }
            if (!indexed) {
                if (last) {
                    object.set(name, value);
                    return true;
                }
                if (!object.path(name).isObject()) {
                    object.set(name, NODES.objectNode());
                }
                node = object.get(name);
                continue;
            }
            if (!object.path(name).isArray() || object.get(name).isEmpty()) {
                if (!last) {
                    return false;
                }
                object.set(name, NODES.arrayNode().add(NODES.nullNode()));
            }
            ArrayNode array = (ArrayNode) object.get(name);
            if (last) {
                array.set(0, value);
                return true;
            }
            node = array.get(0);
        }
        return false;
    }

    // --- parameters ---

    private void checkParameters(Target target) {
        for (JsonNode parameter : target.operation().path("parameters")) {
            JsonNode schema = merged(parameter.path("schema"));
            String name = parameter.path("name").asText();
            for (Probe probe : probes(schema)) {
                if (probe.value().isArray()) {
                    continue;
                }
                judge(target, parameter.path("in").asText() + " " + name, probe, null, parameter);
            }
        }
    }

    // --- sending and judging ---

    private void judge(Target target, String field, Probe probe, ObjectNode body, JsonNode parameter) {
        String before = probe.over() ? fingerprint() : null;
        Response response = send(target, body, parameter, probe.value());
        int status = response.statusCode();
        String where = target.id() + " " + field + " = " + probe.label() + " -> " + status;
        String name = parameter == null ? field : parameter.path("name").asText();
        String key = target.id() + " " + field;
        if (probe.over()) {
            overChecked++;
            boolean pathParameter = parameter != null && parameter.path("in").asText().equals("path");
            // A path that names nothing is a 404 (JAX-RS: a path value that does not convert names no resource).
            boolean refused = status == 400 || status == 422 || pathParameter && status == 404;
            if (!refused || !response.contentType().startsWith("application/problem+json")) {
                failures.add(where + " (expected 400/422 problem+json)");
            } else if (!before.equals(fingerprint())) {
                failures.add(where + " refused but stored something");
            }
            boundReasons.put(key, messagesFor(response, name));
        } else {
            atChecked++;
            if (status >= 500) {
                failures.add(where + " (server error at the bound)");
            } else if (status == 400 || status == 422) {
                // Refused for this field with the very message the value past the bound got: the bound itself is refused.
                // (An opaque value such as a cursor may still be refused at the bound for not being one: another reason.)
                List<String> reasons = boundReasons.getOrDefault(key, List.of());
                List<String> now = messagesFor(response, name);
                if (now.stream().anyMatch(reasons::contains)) {
                    failures.add(where + " refused at the bound: " + now);
                }
            }
        }
    }

    private static List<String> messagesFor(Response response, String field) {
        if (!response.contentType().startsWith("application/problem+json")) {
            return List.of();
        }
        List<Map<String, String>> errors = response.jsonPath().getList("errors");
        if (errors == null) {
            return List.of();
        }
        return errors.stream().filter(e -> field.equals(normalised(String.valueOf(e.get("field")))))
                .map(e -> String.valueOf(e.get("message"))).toList();
    }

    private static String normalised(String field) {
        return field.replace(".<list element>", "").replace("<list element>", "").replaceAll("\\.$", "");
    }

    private Response send(Target target, ObjectNode body, JsonNode parameter, JsonNode value) {
        RequestSpecification request = given().auth().oauth2(target.persona().token()).urlEncodingEnabled(true);
        String uri = target.path();
        for (JsonNode p : target.operation().path("parameters")) {
            String name = p.path("name").asText();
            boolean probed = parameter != null && parameter.path("name").asText().equals(name)
                    && parameter.path("in").asText().equals(p.path("in").asText());
            String text = probed ? value.asText() : validValue(target, p);
            switch (p.path("in").asText()) {
                case "path" -> uri = uri.replace("{" + name + "}", text);
                case "query" -> {
                    if (text != null) {
                        request.queryParam(name, text);
                    }
                }
                case "header" -> {
                    if (text != null) {
                        request.header(name, text);
                    }
                }
                default -> { }
            }
        }
        if (body != null) {
            request.contentType("application/json").body(body.toString());
        } else if (target.operation().has("requestBody")) {
            JsonNode example = target.operation().at("/requestBody/content/application~1json/example");
            request.contentType("application/json").body(example.isMissingNode() ? "{}" : example.toString());
        }
        return request.request(target.method(), uri);
    }

    private static String validValue(Target target, JsonNode parameter) {
        return target.fixtures().validValue(target.path(), parameter.path("name").asText());
    }

    private String fingerprint() {
        return DatabaseScan.rowCounts(dataSource, AUDIT_TABLES);
    }

    // --- schema helpers ---

    private JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            node = contract.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** A property's schema with its $ref resolved and its own keywords (maxLength, maxItems...) laid over it. */
    private JsonNode merged(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        ObjectNode merged = resolve(schema).deepCopy();
        schema.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("$ref")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    private static boolean isType(JsonNode schema, String type) {
        JsonNode t = schema.path("type");
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (each.asText().equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }
}
