package uk.dsltriage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Tokens;

/** An export of a chain verifies with the documented stand-alone script, and the script finds an edited line. */
@QuarkusTest
class AuditExportTest {

    private static final String URN = "100201";
    private static final Path SCRIPT = Path.of("examples", "verify-audit-export.py");

    @Test
    void anOutsidePartyVerifiesTheExportWithTheScript() throws Exception {
        // A subject with a quote and a backslash (subjects are visible ASCII, or refused with 401): the canonical
        // escaping must agree with Python's.
        String staff = Tokens.forSchool("staff-\"quoted\"-back\\slash", URN, "staff");
        for (int i = 0; i < 3; i++) {
            RestAssured.given().auth().oauth2(staff).contentType(ContentType.JSON).body(Fixtures.incident())
                    .post("/api/v1/incidents").then().statusCode(201);
        }
        RestAssured.given().auth().oauth2(staff).get("/api/v1/incidents/" + java.util.UUID.randomUUID()).then().statusCode(404);

        String auditor = Tokens.forSchool("auditor-" + URN, URN, "auditor");
        String export = RestAssured.given().auth().oauth2(auditor).accept("application/x-ndjson")
                .get("/api/v1/audit/export").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<String> lines = export.lines().toList();
        assertTrue(lines.size() >= 5, "three intakes, a refusal and the export itself: " + lines.size());
        assertTrue(export.contains("staff-\\\"quoted\\\"-back\\\\slash"), "quotes and backslashes are escaped in the canonical form");

        Path file = Files.createDirectories(Path.of("target", "audit-export")).resolve("chain.jsonl");
        Files.writeString(file, export, StandardCharsets.US_ASCII);
        Result valid = run(file);
        assertEquals(0, valid.exit(), valid.output());
        assertTrue(valid.output().contains("\"valid\": true") && valid.output().contains("\"checked\": " + lines.size()),
                valid.output());

        String third = lines.get(2);
        String thirdHash = third.substring(third.indexOf("\"hash\":\"") + 8, third.indexOf("\"hash\":\"") + 72);
        assertEquals(0, run(file, "3:" + thirdHash).exit(), "an event kept from an earlier export is found");
        assertEquals(1, run(file, "3:" + "f".repeat(64)).exit(), "a rewritten chain does not match a kept event");

        List<String> tampered = new ArrayList<>(lines);
        String target = tampered.get(2);
        tampered.set(2, target.replace("INCIDENT_RECORDED", "INCIDENT_READ"));
        Files.writeString(file, String.join("\n", tampered) + "\n", StandardCharsets.US_ASCII);
        Result broken = run(file);
        assertEquals(1, broken.exit(), broken.output());
        String id = target.substring(target.lastIndexOf("\"id\":") + 5, target.length() - 1);
        assertTrue(broken.output().contains("\"firstBrokenEventId\": " + id), broken.output());

        List<String> gap = new ArrayList<>(lines);
        gap.remove(1);
        Files.writeString(file, String.join("\n", gap) + "\n", StandardCharsets.US_ASCII);
        assertEquals(1, run(file).exit(), "a removed line is a gap");
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path export, String... checkpoint) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), export.toString()));
        command.addAll(List.of(checkpoint));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}
