package uk.dsltriage.security.keycloak;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;

/**
 * examples/la-client against the service and a real Keycloak: the client-credentials token of la-system-999 pulls the
 * referral a DSL (real password-grant token) sent, acknowledges it, posts an outcome the DSL then sees, keeps its
 * cursor in its state file (a second run receives nothing new) and gets a 304 on an idle poll; a page cut short by a
 * record the service cannot open stops it without losing its place.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class LaClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    @Inject
    AgroalDataSource dataSource;

    private final KeycloakTokens keycloak = new KeycloakTokens(KeycloakResource.BASE_URL);

    @Test
    void theLocalAuthorityClientPullsAcknowledgesAndAnswers() throws Exception {
        String dsl = keycloak.accessToken("dsl.a");
        String given = "Clientina" + System.nanoTime() % 100000;
        Sent sent = sendReferral(dsl, "C-2026-0042", given);
        String incident = sent.incident();
        String id = sent.referral();

        Path work = Files.createTempDirectory("la-client");
        Path state = work.resolve("state.json");
        Path saved = work.resolve("received");

        String first = client(state, "--contact-outcome", "INFORMATION_AND_ADVICE", "--save-dir", saved.toString());
        assertFalse(first.contains(given), "the client prints no identity");
        JsonNode summary = JSON.readTree(first);
        assertTrue(ids(summary.get("received")).contains(id), first);
        assertTrue(summary.get("acknowledged").toString().contains(id));
        assertTrue(ids(summary.get("outcomes")).contains(id));
        assertTrue(Files.readString(saved.resolve(id + ".json")).contains(given), "the authority does receive the child");
        assertFalse(JSON.readTree(Files.readString(state)).get("cursor").asText().isEmpty());

        given().auth().oauth2(dsl).get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200)
                .body("[0].acknowledgement.acknowledgedAt", notNullValue())
                .body("[0].outcomes[0].contactOutcome", equalTo("INFORMATION_AND_ADVICE"));

        JsonNode second = JSON.readTree(client(state));
        assertEquals(0, second.get("received").size(), "the cursor was kept: nothing is received twice");
        JsonNode third = JSON.readTree(client(state));
        assertTrue(third.get("notModified").asBoolean(), "an idle poll is a 304");

        // LA 998's system never receives LA 999's referral
        JsonNode other = JSON.readTree(client(work.resolve("state-998.json"), "--client-id", "la-system-998",
                "--client-secret", "la-system-998-demo-secret"));
        assertFalse(ids(other.get("received")).contains(id));
    }

    /**
     * A record the service cannot open (one bit of a child's sealed identity flipped in the database) cuts its page
     * short after the headers: the client stops with the response's correlation id, prints no identity and keeps
     * nothing, so the same cursor receives the referral once the record is repaired.
     */
    @Test
    void aPageCutShortStopsTheClientWithItsCorrelationIdAndKeepsItsCursor() throws Exception {
        Path state = Files.createTempDirectory("la-client-cut").resolve("state.json");
        client(state); // up to date with whatever the authority has already been sent
        String kept = Files.readString(state);

        String child = "C-cut-" + System.nanoTime();
        String given = "Cutshort" + System.nanoTime() % 100000;
        String id = sendReferral(keycloak.accessToken("dsl.a"), child, given).referral();

        flipOneBitOfTheSealedChild(child);
        try {
            Run cut = run(state);
            assertNotEquals(0, cut.exit(), "a page cut short is no page: " + cut.out());
            assertTrue(cut.err().matches("(?s).*the response ended before its end.*X-Correlation-Id [0-9a-f-]{36}.*"), cut.err());
            assertFalse((cut.out() + cut.err()).contains(given), "nothing of the child is printed");
            assertEquals(kept, Files.readString(state), "the state (cursor, ETag) is as it was");
        } finally {
            flipOneBitOfTheSealedChild(child); // the same bit again: the record as it was sent
        }
        assertTrue(ids(JSON.readTree(client(state)).get("received")).contains(id), "the same cursor receives it once repaired");
    }

    private record Sent(String incident, String referral) {
    }

    /** A DSL's (real token) incident that needs a referral, referred to LA 999 for the child given. */
    private Sent sendReferral(String dsl, String childRef, String givenName) throws IOException {
        String incident = given().auth().oauth2(dsl).contentType(ContentType.JSON)
                .body(Fixtures.incident().replace("\"immediateRiskOfHarm\": false", "\"immediateRiskOfHarm\": true"))
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        Decisions.referAsRecommended(dsl, incident);
        ObjectNode referral = example();
        ((ObjectNode) referral.get("child")).put("ref", childRef).put("givenName", givenName);
        String id = given().auth().oauth2(dsl).contentType(ContentType.JSON).body(referral.toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201).extract().path("referral.id");
        return new Sent(incident, id);
    }

    private void flipOneBitOfTheSealedChild(String childRef) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update child_identity set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1) where child_ref = ?")) {
            s.setString(1, childRef);
            assertEquals(1, s.executeUpdate());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private String client(Path state, String... extra) throws IOException, InterruptedException {
        Run run = run(state, extra);
        assertEquals(0, run.exit(), "la_client.py failed: " + run.err());
        return run.out();
    }

    private Run run(Path state, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", repoRoot().resolve("examples/la-client/la_client.py").toString(),
                "--service", service.toString().replaceAll("/$", ""), "--keycloak", KeycloakResource.BASE_URL,
                "--state", state.toString()));
        if (!List.of(extra).contains("--client-id")) {
            command.addAll(List.of("--client-id", "la-system-999", "--client-secret", "la-system-999-demo-secret"));
        }
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        return new Run(process.exitValue(), out.trim(), err.trim());
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static ObjectNode example() throws IOException {
        try (InputStream in = LaClientIT.class.getResourceAsStream("/openapi-examples/createReferral.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static Path repoRoot() {
        return KeycloakResource.repoRoot();
    }
}
