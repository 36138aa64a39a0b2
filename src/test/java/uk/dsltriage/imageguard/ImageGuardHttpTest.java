package uk.dsltriage.imageguard;

import uk.dsltriage.imageguard.scanner.LegitimateTextCorpus;
import uk.dsltriage.imageguard.scanner.SmugglingCorpus;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * The metadata-only guarantee over HTTP: every smuggling variant, at every kind of place, on every endpoint that
 * takes a body, is refused with 422 and guidance; afterwards no table and no log line holds any of it.
 */
@QuarkusTest
class ImageGuardHttpTest {

    @Inject
    AgroalDataSource dataSource;

    record Probe(String endpoint, String body, String expectedPath) {
    }

    @Test
    void everySmugglingVariantIsRefusedAndLeavesNoTrace() {
        String incidentId = Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<SmugglingCorpus.Sample> samples = SmugglingCorpus.samples();
        assertTrue(samples.size() >= 60, "corpus has at least 60 variants");
        int refused = 0;
        try (LogCapture logs = LogCapture.install()) {
            for (SmugglingCorpus.Sample sample : samples) {
                List<Probe> probes = threeOf(probes(sample, incidentId), refused);
                for (int i = 0; i < probes.size(); i++) {
                    Probe probe = probes.get(i);
                    String where = sample.name() + " probe " + i + " at " + probe.endpoint();
                    var response = Persona.STAFF_A.request().body(probe.body()).post(probe.endpoint());
                    if (response.statusCode() != 422) {
                        throw new AssertionError(where + ": expected 422, got " + response.statusCode() + " "
                                + response.asString().replace(sample.canary(), "<canary>"));
                    }
                    response.then()
                            .statusCode(422)
                            .contentType("application/problem+json")
                            .body("type", endsWith("/image-content-refused"))
                            .body("errors[0].field", probe.expectedPath() == null ? not(equalTo("")) : equalTo(probe.expectedPath()))
                            .body("guidance.size()", greaterThan(3))
                            .body(not(containsString(sample.canary())));
                    refused++;
                }
            }
            String stored = DatabaseScan.everything(dataSource);
            String logged = logs.text();
            assertTrue(logged.contains("Refused image or link content"), "refusals are logged, as metadata");
            for (SmugglingCorpus.Sample sample : samples) {
                assertFalse(stored.contains(sample.canary()), () -> "canary stored for " + sample.name());
                assertFalse(logged.contains(sample.canary()), () -> "canary logged for " + sample.name());
                for (String fragment : sample.fragments()) {
                    assertFalse(stored.contains(fragment), () -> "fragment stored for " + sample.name());
                    assertFalse(logged.contains(fragment), () -> "fragment logged for " + sample.name());
                }
            }
            assertTrue(stored.contains("IMAGE_CONTENT_REFUSED"), "each refusal leaves a metadata-only audit event");
        }
        assertTrue(refused >= samples.size() * 3, "every sample was tried at three places, one per endpoint");
    }

    /**
     * One probe per endpoint for each sample, rotating through the placements so that across the corpus every
     * placement is used on every endpoint, without sending every sample everywhere (the scanner's own tests do that).
     */
    private static List<Probe> threeOf(List<Probe> all, int rotation) {
        List<Probe> chosen = new ArrayList<>();
        for (String endpoint : List.of("/api/v1/incidents", "/addenda", "/api/v1/triage/evaluate")) {
            List<Probe> forEndpoint = all.stream().filter(p -> p.endpoint().endsWith(endpoint)).toList();
            chosen.add(forEndpoint.get(Math.floorMod(rotation, forEndpoint.size())));
        }
        return chosen;
    }

    private static List<Probe> probes(SmugglingCorpus.Sample sample, String incidentId) {
        String value = sample.jsonValue();
        List<Probe> probes = new ArrayList<>();
        String incidents = "/api/v1/incidents";
        String addenda = incidents + "/" + incidentId + "/addenda";
        String evaluate = "/api/v1/triage/evaluate";
        // Unknown fields are refused as image content before they could be refused as unknown: the scan comes first.
        probes.add(new Probe(incidents, withField(Fixtures.incident(), "evidence", "{\"attachments\": [" + value + "]}"),
                null));
        probes.add(new Probe(evaluate, withField(triageBody(), "notes", value), null));
        probes.add(new Probe(addenda, "{\"account\": \"Further information.\", \"extra\": [[" + value + "]]}", null));
        if (sample.isString()) {
            String inner = value.substring(1, value.length() - 1);
            probes.add(new Probe(incidents, Fixtures.incident().replaceFirst("\"account\": \"[^\"]*\"", "\"account\": " + escapedDollar(value)),
                    "account"));
            probes.add(new Probe(incidents, Fixtures.incident().replace("\"ref\": \"P2\"", "\"ref\": " + value),
                    "participants[1].ref"));
            probes.add(new Probe(addenda, "{\"account\": \"She then said: " + inner + " and left.\"}", "account"));
            probes.add(new Probe(evaluate, triageBody().replace("\"imagesInvolved\": true", "\"imagesInvolved\": true, "
                    + value + ": true"), "facts.<field name>"));
        }
        return probes;
    }

    private static String triageBody() {
        return """
                { "occurredAt": "2026-11-20T10:15:00Z", "incidentTypes": ["NUDE_IMAGE_SHARING"],
                  "participants": [ { "ref": "P1", "role": "VICTIM", "ageYears": 15 } ],
                  "facts": { "imagesInvolved": true } }
                """;
    }

    private static String withField(String body, String name, String jsonValue) {
        int brace = body.indexOf('{');
        return body.substring(0, brace + 1) + " \"" + name + "\": " + jsonValue + "," + body.substring(brace + 1);
    }

    /** String.replace is literal, but replaceFirst treats $ and \ specially. */
    private static String escapedDollar(String value) {
        return value.replace("\\", "\\\\").replace("$", "\\$");
    }

    @Test
    void onlyJsonBodiesReachAnyEndpoint() {
        String incidentId = Persona.DSL_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        List<String> endpoints = List.of("/api/v1/incidents", "/api/v1/incidents/" + incidentId + "/addenda",
                "/api/v1/incidents/" + incidentId + "/retriage", "/api/v1/triage/evaluate", "/api/v1/rulesets",
                "/api/v1/incidents/" + incidentId, "/api/v1/no-such-endpoint");
        List<String> types = List.of("multipart/form-data; boundary=xyz", "image/jpeg", "image/png", "video/mp4",
                "application/octet-stream", "application/pdf", "application/zip", "application/x-www-form-urlencoded",
                "text/plain", "application/json; charset=iso-8859-1", "application/xml");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        for (String endpoint : endpoints) {
            for (String type : types) {
                var request = RestAssured.given().auth().oauth2(Persona.DSL_A.token()).contentType(type);
                (type.startsWith("application/x-www-form") ? request.body("a=b") : request.body(jpeg))
                        .post(endpoint).then()
                        .statusCode(415)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/unsupported-media-type"));
            }
        }
        RestAssured.given().auth().oauth2(Persona.DSL_A.token())
                .multiPart("file", "evidence.jpg", jpeg, "image/jpeg")
                .post("/api/v1/incidents").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        String big = Fixtures.incident("Long account. " + "a word ".repeat(12_000));
        Persona.STAFF_A.request().body(big).post("/api/v1/incidents").then()
                .statusCode(413).contentType("application/problem+json").body("type", endsWith("/payload-too-large"));
    }

    @Test
    void realisticAccountsAreAccepted() {
        List<String> accounts = LegitimateTextCorpus.texts();
        int accepted = 0;
        for (String account : accounts.subList(0, Math.min(40, accounts.size()))) {
            if (account.isBlank() || account.length() > 10_000) {
                continue;
            }
            Persona.STAFF_A.request().body(Fixtures.incident(account)).post("/api/v1/incidents").then()
                    .statusCode(201);
            accepted++;
        }
        assertTrue(accepted >= 20, "a meaningful share of the legitimate corpus went through the HTTP path");
    }
}
