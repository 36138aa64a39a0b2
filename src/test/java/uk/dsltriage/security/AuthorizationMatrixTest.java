package uk.dsltriage.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * Every endpoint of the application (read from the served OpenAPI document, so a new endpoint cannot escape) ×
 * every persona (each role, own and other school, own and other local authority, no role, missing claim,
 * anonymous) answers exactly the status in src/test/resources/authz-matrix.csv. The README's table is generated
 * from the same file (target/authz-matrix.md).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    record Row(String operationId, String method, String path, List<String> expected) {
    }

    @Test
    void everyEndpointTimesEveryPersonaGivesTheExpectedStatus() throws IOException {
        List<String> header = new ArrayList<>();
        List<Row> rows = readMatrix(header);
        List<String> personas = header.subList(3, header.size());

        assertEquals(servedOperations(), rows.stream().map(r -> r.method + " " + r.path + " " + r.operationId)
                .collect(TreeSet::new, TreeSet::add, TreeSet::addAll),
                "authz-matrix.csv must list exactly the served operations");

        // A child reference only this fixture uses, so that another school's probe of its chronology is a true 404.
        String child = "M" + (100000 + new java.util.Random().nextInt(900000));
        String incident = Persona.STAFF_A.request().body(Fixtures.incident().replace("\"ref\": \"P2\"", "\"ref\": \"" + child + "\""))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < personas.size(); i++) {
                String persona = personas.get(i);
                String expected = row.expected.get(i);
                Response response = send(row, persona, incident, child);
                String actual = String.valueOf(response.statusCode());
                if (expected.endsWith("+") || expected.endsWith("-")) {
                    if (response.statusCode() == 200) {
                        actual = "200" + (listed(row, persona, incident, child) ? "+" : "-");
                    }
                }
                if (!expected.equals(actual)) {
                    failures.add(row.operationId + " as " + persona + ": expected " + expected + ", got " + actual);
                }
                if (response.statusCode() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    failures.add(row.operationId + " as " + persona + ": error is not problem+json");
                }
            }
        }
        writeMarkdown(header, rows);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Whether the list shows the fixture on any of its pages: the rest of the suite fills the same school's list. */
    private static boolean listed(Row row, String persona, String incident, String child) {
        for (int page = 0; page < 1_000; page++) {
            Row pageRow = new Row(row.operationId, row.method, row.path + "?size=100&page=" + page, row.expected);
            Response response = send(pageRow, persona, incident, child);
            if (response.jsonPath().getList("items.id").contains(incident)) {
                return true;
            }
            if (page + 1 >= response.jsonPath().getInt("totalPages")) {
                return false;
            }
        }
        return false;
    }

    private static Response send(Row row, String persona, String incident, String child) {
        // JSON, and JSON lines for the audit export.
        RequestSpecification request = given().accept("application/json, application/x-ndjson");
        if (!"ANONYMOUS".equals(persona)) {
            request = request.auth().oauth2(Persona.valueOf(persona).token());
        }
        String path = row.path.replace("{id}", incident).replace("{ref}", child).replace("{ruleSetId}", "england-schools").replace("{version}", "2025.1");
        if ("POST".equals(row.method)) {
            request = request.contentType(ContentType.JSON).body(example(row.operationId));
        }
        return request.request(row.method, path);
    }

    private static String example(String operationId) {
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/openapi-examples/" + operationId + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no example body for " + operationId);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> servedOperations() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Set<String> operations = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                operations.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + op.getValue().path("operationId").asText())));
        return operations;
    }

    private static List<Row> readMatrix(List<String> header) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authz-matrix.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.trim().split(","));
                if (header.isEmpty()) {
                    header.addAll(cells);
                    continue;
                }
                assertEquals(header.size(), cells.size(), "matrix row width: " + line);
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.subList(3, cells.size())));
            }
        }
        return rows;
    }

    private static void writeMarkdown(List<String> header, List<Row> rows) throws IOException {
        StringBuilder md = new StringBuilder("| Endpoint | ").append(String.join(" | ", header.subList(3, header.size()))).append(" |\n");
        md.append("|---".repeat(header.size() - 2)).append("|\n");
        for (Row row : rows) {
            md.append("| `").append(row.method).append(' ').append(row.path).append("` | ")
                    .append(String.join(" | ", row.expected)).append(" |\n");
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "authz-matrix.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
