package uk.dsltriage.viewing;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** Structured image metadata instead of images, and the two UKCIS viewing records (examples.md TC26, TC27). */
@QuarkusTest
class ImageMetadataAndViewingTest {

    static final String COMPLIANT = """
            { "viewedAt": "2026-11-20T11:30:00Z", "viewerRole": "DSL", "reason": "UNAVOIDABLE_PRESENTED_OR_ON_SCHOOL_SYSTEM",
              "headteacherConsulted": true, "secondStaffPresent": true, "secondStaffRole": "HEADTEACHER", "sameSexAsChild": true,
              "onPremises": true, "noCopyMade": true, "wouldCauseSignificantDistress": false,
              "signedBy": "DSL and Headteacher", "signedAt": "2026-11-20T11:45:00Z" }
            """;

    @Test
    void imageMetadataIsStructuredAndCategoriesComeOnlyFromPoliceOrIwf() {
        String withMetadata = Fixtures.incident().replaceFirst("\\{", """
                { "imageMetadata": { "reportedToIwf": true, "iwfReference": "IWF-2026-001234", "reportRemoveUsed": true,
                  "reportRemoveReference": "RR-88812", "platformName": "Snapchat", "deviceHeldBy": "SECURED_BY_SCHOOL",
                  "descriptorSource": "CHILD_ACCOUNT",
                  "imageCategory": { "category": "C", "assignedBy": "POLICE", "reference": "CRIME-26-0042" } },""");
        String id = Persona.STAFF_A.request().body(withMetadata).post("/api/v1/incidents").then().statusCode(201)
                .body("imageMetadata.iwfReference", equalTo("IWF-2026-001234"))
                .body("imageMetadata.imageCategory.assignedBy", equalTo("POLICE"))
                .extract().path("id");
        Persona.DSL_A.request().get("/api/v1/incidents/" + id).then().body("imageMetadata.deviceHeldBy", equalTo("SECURED_BY_SCHOOL"));

        String bySchool = withMetadata.replace("\"assignedBy\": \"POLICE\"", "\"assignedBy\": \"SCHOOL\"");
        Persona.STAFF_A.request().body(bySchool).post("/api/v1/incidents").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("imageMetadata.imageCategory.assignedBy"));
        String unassigned = withMetadata.replace("\"assignedBy\": \"POLICE\", ", "");
        Persona.STAFF_A.request().body(unassigned).post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", hasItem("imageMetadata.imageCategory.assignedBy"));
        String link = withMetadata.replace("\"platformName\": \"Snapchat\"", "\"platformName\": \"https://example.com/x\"");
        Persona.STAFF_A.request().body(link).post("/api/v1/incidents").then().statusCode(422)
                .body("type", endsWith("/image-content-refused"));
        String described = withMetadata.replace("\"descriptorSource\": \"CHILD_ACCOUNT\",", "\"descriptorSource\": \"CHILD_ACCOUNT\", \"description\": \"what it shows\",");
        Persona.STAFF_A.request().body(described).post("/api/v1/incidents").then().statusCode(400)
                .body("type", endsWith("/unknown-field"));
    }

    @Test
    void aCompliantDslViewingRecordIsKept() {
        String id = incident();
        Persona.DSL_A.request().body(COMPLIANT).post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(201)
                .body("kind", equalTo("DSL_EXCEPTION"))
                .body("recordedBy", equalTo(Persona.DSL_A.actor()))
                .body("details.reason", equalTo("UNAVOIDABLE_PRESENTED_OR_ON_SCHOOL_SYSTEM"));
        Persona.HEAD_A.request().get("/api/v1/incidents/" + id + "/viewing-records").then().statusCode(200)
                .body("kind", equalTo(java.util.List.of("DSL_EXCEPTION")));
    }

    @Test
    void tc27AViewingRecordWithoutSafeguardsIsRefusedNamingEachOne() {
        String id = incident();
        String unsafe = COMPLIANT.replace("\"headteacherConsulted\": true", "\"headteacherConsulted\": false")
                .replace("\"secondStaffPresent\": true", "\"secondStaffPresent\": false");
        Persona.DSL_A.request().body(unsafe).post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/viewing-record-not-compliant"))
                .body("errors.field", hasItems("headteacherConsulted", "secondStaffPresent"));
        Persona.DSL_A.request().body("{}").post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(422)
                .body("errors.field", hasItems("viewedAt", "viewerRole", "reason", "headteacherConsulted", "secondStaffPresent",
                        "sameSexAsChild", "onPremises", "noCopyMade", "wouldCauseSignificantDistress", "signedBy", "signedAt"));
        String notSameSex = COMPLIANT.replace("\"sameSexAsChild\": true", "\"sameSexAsChild\": false");
        Persona.DSL_A.request().body(notSameSex).post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("notSameSexReason")));
        Persona.DSL_A.request().body(notSameSex.replace("\"sameSexAsChild\": false", "\"sameSexAsChild\": false, \"notSameSexReason\": \"No male DSL or deputy on site and the device had to be reported the same day.\""))
                .post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(201);
        Persona.DSL_A.request().body(COMPLIANT.replace("\"noCopyMade\": true", "\"noCopyMade\": false"))
                .post("/api/v1/incidents/" + id + "/viewing-exceptions").then().statusCode(422)
                .body("errors.field", equalTo(java.util.List.of("noCopyMade")));
        Persona.DSL_A.request().get("/api/v1/incidents/" + id + "/viewing-records").then()
                .body("size()", equalTo(1));
    }

    @Test
    void anAccidentalViewingIsRecordedAsAFactOnly() {
        String id = incident();
        Persona.STAFF_A.request().body("{ \"viewedAt\": \"2026-11-20T09:05:00Z\", \"how\": \"SENT_UNSOLICITED\", \"reportedToDsl\": true }")
                .post("/api/v1/incidents/" + id + "/accidental-viewings").then().statusCode(201)
                .body("kind", equalTo("ACCIDENTAL"));
        Persona.STAFF_A.request().body("{ \"viewedAt\": \"2026-11-20T09:05:00Z\", \"how\": \"SENT_UNSOLICITED\", \"whatItShowed\": \"...\" }")
                .post("/api/v1/incidents/" + id + "/accidental-viewings").then().statusCode(400)
                .body("type", endsWith("/unknown-field"));
        Persona.STAFF_A.request().body("{ \"viewedAt\": \"2099-11-20T09:05:00Z\", \"how\": \"SENT_UNSOLICITED\" }")
                .post("/api/v1/incidents/" + id + "/accidental-viewings").then().statusCode(400)
                .body("errors.field", hasItem("viewedAt"));
        Persona.STAFF_A.request().get("/api/v1/incidents/" + id + "/viewing-records").then().statusCode(200)
                .body("kind", not(hasItem("DSL_EXCEPTION")));
    }

    private static String incident() {
        return Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }
}
