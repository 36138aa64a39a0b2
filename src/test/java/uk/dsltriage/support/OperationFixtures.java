package uk.dsltriage.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What makes a request to any operation of the contract valid, for tests generated from the OpenAPI document: the
 * persona each operation serves (from the authorization matrix) and real values for its path and header parameters.
 */
public final class OperationFixtures {

    private final Map<String, String> values;

    private OperationFixtures(Map<String, String> values) {
        this.values = values;
    }

    /** An incident of school A with a DSL decision, its referral and tasks, a rule set and a child reference. */
    public static OperationFixtures create() {
        String incident = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
        Decisions.referAsRecommended(Persona.DSL_A.token(), incident);
        Object referral = Persona.DSL_A.request().body(example("createReferral"))
                .post("/api/v1/incidents/" + incident + "/referrals").then().extract().path("id");
        Object task = given().auth().oauth2(Persona.DSL_A.token()).get("/api/v1/tasks").then().extract().path("items[0].id");
        JsonNode ruleSet = given().auth().oauth2(Persona.DSL_A.token()).get("/api/v1/rulesets").then().statusCode(200)
                .extract().as(JsonNode.class).get(0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("incident", incident);
        values.put("referral", referral == null ? UUID.randomUUID().toString() : referral.toString());
        values.put("task", task == null ? UUID.randomUUID().toString() : task.toString());
        values.put("ruleSetId", ruleSet.path("ruleSetId").asText());
        values.put("version", ruleSet.path("version").asText());
        values.put("ref", "P1");
        return new OperationFixtures(values);
    }

    /** A valid value for a path or header parameter of the operation at this path template; null for none. */
    public String validValue(String pathTemplate, String name) {
        if (name.equals("id")) {
            return pathTemplate.startsWith("/api/v1/la/") ? values.get("referral")
                    : pathTemplate.startsWith("/api/v1/tasks/") ? values.get("task") : values.get("incident");
        }
        return switch (name) {
            case "If-Match" -> "\"1\"";
            case "Idempotency-Key" -> Fixtures.key();
            default -> values.get(name);
        };
    }

    /**
     * For each operation id, the first persona the authorization matrix lets through (neither 401 nor 403: a 2xx, or a
     * 404/409/428 that only the served caller gets), so that the request reaches validation.
     */
    public static Map<String, Persona> homePersonas() {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("src", "test", "resources", "authz-matrix.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = null;
        Map<String, Persona> homes = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (header == null) {
                header = cells;
                continue;
            }
            for (int i = 3; i < cells.length; i++) {
                if (!cells[i].equals("401") && !cells[i].equals("403") && !header[i].equals("ANONYMOUS")) {
                    homes.put(cells[0], Persona.valueOf(header[i]));
                    break;
                }
            }
        }
        return homes;
    }

    private static String example(String operationId) {
        try (InputStream in = OperationFixtures.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
