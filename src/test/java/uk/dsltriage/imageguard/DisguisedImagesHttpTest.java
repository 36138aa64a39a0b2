package uk.dsltriage.imageguard;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.imageguard.scanner.DisguisedImages;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * Every disguise of a real image file goes to every endpoint that takes a body, rotating over every string field of
 * each (dates and enums included: the scan runs before parsing), and is refused with 422 and guidance; afterwards no
 * table and no log line holds any part of it. Plain prose is never called an image: a long account is a 400
 * validation error, not a refusal.
 */
@QuarkusTest
class DisguisedImagesHttpTest {

    private static final Pattern FIELD = Pattern.compile("\"<<([^:>]+):([^>]*)>>\"");

    @Inject
    AgroalDataSource dataSource;

    /** Templates: each string value is {@code "<<name:valid value>>"}. */
    private static Map<String, String> templates(String incidentId) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("/api/v1/incidents", """
                { "occurredAt": "<<occurredAt:2026-11-20T10:15:00Z>>", "location": "<<location:ONLINE>>",
                  "account": "<<account:Pupil A told me she sent a photo to Pupil B.>>", "childVoice": "<<childVoice:I only sent it to him.>>",
                  "incidentTypes": ["<<incidentTypes[0]:NUDE_IMAGE_SHARING>>"], "sexualViolenceType": "<<sexualViolenceType:NONE>>",
                  "victimWishes": "<<victimWishes:UNKNOWN>>",
                  "participants": [ { "ref": "<<participants[0].ref:P1>>", "role": "<<participants[0].role:VICTIM>>", "ageYears": 15 } ],
                  "imageMetadata": { "iwfReference": "<<imageMetadata.iwfReference:IWF-2026-001234>>",
                    "reportRemoveReference": "<<imageMetadata.reportRemoveReference:RR-88812>>",
                    "platformName": "<<imageMetadata.platformName:Snapchat>>", "platformReference": "<<imageMetadata.platformReference:SC-1>>",
                    "deviceHeldBy": "<<imageMetadata.deviceHeldBy:SECURED_BY_SCHOOL>>" },
                  "reporter": { "isTeacher": true } }
                """);
        t.put("/api/v1/incidents/" + incidentId + "/addenda", """
                { "account": "<<account:The pupil added that it happened twice.>>" }
                """);
        t.put("/api/v1/incidents/" + incidentId + "/retriage", """
                { "ruleSetId": "<<ruleSetId:england-schools>>", "version": "<<version:2025.1>>" }
                """);
        t.put("/api/v1/triage/evaluate", """
                { "occurredAt": "<<occurredAt:2026-11-20T10:15:00Z>>", "incidentTypes": ["<<incidentTypes[0]:NUDE_IMAGE_SHARING>>"],
                  "participants": [ { "ref": "<<participants[0].ref:P1>>", "role": "<<participants[0].role:VICTIM>>", "ageYears": 15 } ],
                  "facts": { "imagesInvolved": true } }
                """);
        t.put("/api/v1/incidents/" + incidentId + "/accidental-viewings", """
                { "viewedAt": "<<viewedAt:2026-11-20T11:30:00Z>>", "how": "<<how:SENT_UNSOLICITED>>", "reportedToDsl": true }
                """);
        t.put("/api/v1/incidents/" + incidentId + "/viewing-exceptions", """
                { "viewedAt": "<<viewedAt:2026-11-20T11:30:00Z>>", "viewerRole": "<<viewerRole:DSL>>",
                  "reason": "<<reason:UNAVOIDABLE_PRESENTED_OR_ON_SCHOOL_SYSTEM>>", "headteacherConsulted": true,
                  "secondStaffPresent": true, "secondStaffRole": "<<secondStaffRole:HEADTEACHER>>", "sameSexAsChild": false,
                  "notSameSexReason": "<<notSameSexReason:No male DSL on site.>>", "onPremises": true, "noCopyMade": true,
                  "wouldCauseSignificantDistress": false, "signedBy": "<<signedBy:DSL and Headteacher>>",
                  "signedAt": "<<signedAt:2026-11-20T11:45:00Z>>" }
                """);
        return t;
    }

    private static List<String> fields(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String fill(String template, String field, String value) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).equals(field) ? Fixtures.quote(value) : Fixtures.quote(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void everyDisguiseOfARealFileIsRefusedInEveryStringFieldOfEveryEndpointAndLeavesNoTrace() {
        String incidentId = Persona.DSL_A.request().body(Fixtures.incident()).post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        Map<String, String> templates = templates(incidentId);
        for (Map.Entry<String, String> endpoint : templates.entrySet()) {
            // the templates are valid as they stand: a refusal below is the disguise's doing
            int status = Persona.DSL_A.request().body(fill(endpoint.getValue(), "", "")).post(endpoint.getKey()).statusCode();
            assertTrue(status == 200 || status == 201, endpoint.getKey() + " template answers " + status);
        }
        List<DisguisedImages.Disguise> disguises = DisguisedImages.all();
        assertTrue(disguises.size() >= 50);
        Set<String> covered = new LinkedHashSet<>();
        int rotation = 0;
        try (LogCapture logs = LogCapture.install()) {
            for (DisguisedImages.Disguise disguise : disguises) {
                for (Map.Entry<String, String> endpoint : templates.entrySet()) {
                    List<String> fields = fields(endpoint.getValue());
                    String field = fields.get(Math.floorMod(rotation, fields.size()));
                    covered.add(endpoint.getKey() + " " + field);
                    var response = Persona.DSL_A.request().body(fill(endpoint.getValue(), field, disguise.text()))
                            .post(endpoint.getKey());
                    assertEquals(422, response.statusCode(), disguise.name() + " in " + field + " at " + endpoint.getKey());
                    response.then().contentType("application/problem+json")
                            .body("type", endsWith("/image-content-refused"))
                            .body("guidance.size()", greaterThan(3));
                }
                rotation++;
            }
            String stored = DatabaseScan.everything(dataSource);
            String logged = logs.text();
            for (DisguisedImages.Disguise disguise : disguises) {
                for (String fragment : fragments(disguise.text())) {
                    assertFalse(stored.contains(fragment), () -> "stored: " + disguise.name());
                    assertFalse(logged.contains(fragment), () -> "logged: " + disguise.name());
                }
            }
        }
        int allFields = templates.values().stream().mapToInt(t -> fields(t).size()).sum();
        assertEquals(allFields, covered.size(), "every string field of every endpoint received disguises");
    }

    /** Pieces of the disguise long enough not to occur by chance in stored metadata. */
    private static List<String> fragments(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 24 <= text.length() && out.size() < 8; i += Math.max(24, text.length() / 8)) {
            out.add(text.substring(i, i + 24));
        }
        return out;
    }

    @Test
    void plainProseIsNeverCalledAnImageAndALongAccountIsAValidationError() {
        Persona.STAFF_A.request().body(Fixtures.incident("a".repeat(10_000))).post("/api/v1/incidents").then()
                .statusCode(201);
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random(1);
        while (letters.length() < 10_000) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        Persona.STAFF_A.request().body(Fixtures.incident(letters.toString())).post("/api/v1/incidents").then()
                .statusCode(201);
        Persona.STAFF_A.request().body(Fixtures.incident("The pupil said it again. ".repeat(500))).post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/validation-failed"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("account"));
        Persona.STAFF_A.request().body(Fixtures.incident("x".repeat(10_001))).post("/api/v1/incidents").then()
                .statusCode(400).body("type", endsWith("/validation-failed"));
    }
}
