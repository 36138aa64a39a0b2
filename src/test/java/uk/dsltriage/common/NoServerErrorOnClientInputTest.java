package uk.dsltriage.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * Poor man's fuzzing: seeded random mutations of every valid request body (wrong types, nulls, extreme numbers, deep
 * or empty structures, odd strings, dropped fields) never produce a 5xx, and every refusal is problem+json.
 */
@QuarkusTest
class NoServerErrorOnClientInputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MUTANTS_PER_ENDPOINT = 60;

    @Test
    void mutatedBodiesNeverCauseAServerError() throws IOException {
        String incident = Persona.DSL_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        Map<String, String> endpoints = Map.of(
                "recordIncident", "/api/v1/incidents",
                "addAddendum", "/api/v1/incidents/" + incident + "/addenda",
                "evaluateTriage", "/api/v1/triage/evaluate",
                "retriageIncident", "/api/v1/incidents/" + incident + "/retriage",
                "recordAccidentalViewing", "/api/v1/incidents/" + incident + "/accidental-viewings",
                "recordViewingException", "/api/v1/incidents/" + incident + "/viewing-exceptions",
                "createReferral", "/api/v1/incidents/" + incident + "/referrals",
                "recordDecision", "/api/v1/incidents/" + incident + "/decision",
                "completeTask", "/api/v1/tasks/" + java.util.UUID.randomUUID() + "/completion");
        Random random = new Random(20261123L);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            JsonNode valid = example(endpoint.getKey());
            for (int i = 0; i < MUTANTS_PER_ENDPOINT; i++) {
                JsonNode mutant = mutate(valid.deepCopy(), random, 1 + random.nextInt(3));
                Response response = Persona.DSL_A.request().header("If-Match", "\"1\"")
                        .body(MAPPER.writeValueAsString(mutant)).post(endpoint.getValue());
                int status = response.statusCode();
                if (status >= 500) {
                    failures.add(endpoint.getKey() + " mutant " + i + " -> " + status);
                } else if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    failures.add(endpoint.getKey() + " mutant " + i + " -> " + status + " not problem+json");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static JsonNode mutate(JsonNode node, Random random, int times) {
        JsonNode root = node;
        for (int t = 0; t < times; t++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
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
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 5 -> NODES.numberNode(-1.5);
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode("ÿ\u0000\u202e ünïcødé 😀 " + random.nextInt());
            case 8 -> NODES.textNode("2026-13-45T99:99:99Z");
            case 9 -> NODES.textNode("NOT_AN_ENUM");
            case 10 -> NODES.arrayNode().add(NODES.textNode("x")).add(NODES.numberNode(1));
            case 11 -> NODES.objectNode().put("unexpected", true);
            case 12 -> deep(random.nextInt(80));
            default -> NODES.textNode("a".repeat(random.nextInt(12_000)));
        };
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = NODES.arrayNode().add(node);
        }
        return node;
    }

    private static JsonNode example(String operationId) throws IOException {
        try (InputStream in = NoServerErrorOnClientInputTest.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            return MAPPER.readTree(in);
        }
    }
}
