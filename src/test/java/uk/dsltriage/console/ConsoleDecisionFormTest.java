package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.ConsoleForms;
import uk.dsltriage.support.Persona;

/**
 * The decision form: one step for the DSL (review started and decision recorded together), refused forms shown again
 * with what was entered and nothing stored, stale forms refused with a message.
 */
@QuarkusTest
class ConsoleDecisionFormTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theFormFollowsTheContractAndDescribesTheRecommendation() {
        String id = IncidentPageSupport.recordConcern();
        String form = Persona.DSL_A.page().get("/console/incidents/" + id + "/decision").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(form.contains("<form id=\"decision-form\" method=\"post\" action=\"/console/incidents/" + id + "/decision\""));
        for (String field : List.of("id=\"outcome-REFERRED\"", "id=\"acceptRecommendation-true\"", "id=\"acceptRecommendation-false\"",
                "id=\"routes-CSC_REFERRAL_S47\"", "id=\"rationale\"", "id=\"parentsInformed-true\"", "id=\"parentsInformed-false\"",
                "id=\"parentsNotInformedReason\"", "id=\"childViews\"", "id=\"childViewsWeighed\"", "type=\"date\" id=\"reviewBy\"",
                "id=\"sufficientInformation\"", "id=\"risksManageableInSetting\"", "id=\"headteacherConsulted\"",
                "id=\"submit-decision\"", "name=\"csrf-token\"", "name=\"version\"", "for=\"rationale\"",
                "value=\"WOULD_OBSTRUCT_POLICE_INVESTIGATION\">Would obstruct police investigation</option>")) {
            assertTrue(form.contains(field), () -> "the form has " + field);
        }
        assertFalse(form.contains("multipart") || form.contains("type=\"file\""), "never a file");
        assertEquals(IncidentPageSupport.review(id).getString("etag"), IncidentPageSupport.formVersion(id), "version is the ETag at render");
        assertTrue(form.contains("Internal handling is an option"), "the recommended routes by their rule-set labels");
    }

    @Test
    void anOverrideWithItsRationaleIsRecordedWithTheReviewStartInOneStep() {
        String id = IncidentPageSupport.recordConcern();
        assertEquals("AWAITING_DSL_REVIEW", IncidentPageSupport.review(id).getString("status"));
        Map<String, Object> fields = override(IncidentPageSupport.formVersion(id), "Referred: the image may have been forwarded.");

        long mark = IncidentPageSupport.auditMark(dataSource);
        ConsoleForms.post(Persona.DSL_A, form(id), form(id), fields).then().statusCode(303)
                .header("Location", containsString("/console/incidents/" + id + "?flash=decision-recorded"));
        List<String> events = IncidentPageSupport.auditAfter(dataSource, mark);
        String actorAndId = " " + Persona.DSL_A.actor() + " " + id;
        assertTrue(events.indexOf("REVIEW_STARTED" + actorAndId) >= 0, () -> "events: " + events);
        assertTrue(events.indexOf("REVIEW_STARTED" + actorAndId) < events.indexOf("DECISION_RECORDED" + actorAndId), () -> "events: " + events);

        JsonPath review = IncidentPageSupport.review(id);
        assertEquals("DECIDED", review.getString("status"));
        assertEquals(1, review.getList("decisions").size());
        assertEquals(false, review.getBoolean("decisions[0].acceptRecommendation"));
        assertEquals("Referred: the image may have been forwarded.", review.getString("decisions[0].rationale"));
        assertEquals(List.of("CSC_REFERRAL_S47"), review.getList("decisions[0].routes.code"));
        assertEquals("WOULD_OBSTRUCT_POLICE_INVESTIGATION", review.getString("decisions[0].parentsNotInformedReason"));

        String page = Persona.DSL_A.page().queryParam("flash", "decision-recorded").get("/console/incidents/" + id).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("Decision recorded"));
        String history = page.substring(page.indexOf("id=\"history\""));
        assertTrue(history.indexOf("history-decision") < history.indexOf("history-recommendation"), "newest first");
        assertTrue(history.contains("Referred: the image may have been forwarded."), "the decision with its rationale");
        assertTrue(history.contains("overriding the recommendation"));
    }

    @Test
    void acceptingTheRecommendationForInternalHandlingWithTheAttestation() {
        String id = IncidentPageSupport.recordConcern();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", IncidentPageSupport.formVersion(id));
        fields.put("outcome", "MANAGED_INTERNALLY");
        fields.put("acceptRecommendation", "true");
        fields.put("parentsInformed", "true");
        fields.put("parentsNotInformedReason", "");
        fields.put("childViews", "Wants it deleted and no fuss.");
        fields.put("childViewsWeighed", "Handled in school as she asked; parents told.");
        fields.put("reviewBy", LocalDate.now(ZoneId.of("Europe/London")).plusDays(14).toString());
        fields.put("sufficientInformation", "true");
        fields.put("risksManageableInSetting", "true");
        fields.put("headteacherConsulted", "true");
        fields.put("rationale", "");
        ConsoleForms.post(Persona.DSL_A, form(id), form(id), fields).then().statusCode(303);

        JsonPath review = IncidentPageSupport.review(id);
        assertEquals(true, review.getBoolean("decisions[0].acceptRecommendation"));
        assertEquals("MANAGED_INTERNALLY", review.getString("decisions[0].outcome"));
        assertEquals(true, review.getBoolean("decisions[0].dslAttestation.headteacherConsulted"));
        assertEquals(null, review.getString("decisions[0].rationale"));
    }

    @Test
    void aStaleFormIsRefusedWithTheMessageEveryValueKeptAndNothingStored() {
        String id = IncidentPageSupport.recordConcern();
        String version = IncidentPageSupport.formVersion(id);
        // Another DSL moves the incident on after the form was opened.
        Persona.DSL_A.request().post("/api/v1/incidents/" + id + "/review/start").then().statusCode(200);

        Response refused = ConsoleForms.post(Persona.DSL_A, form(id), form(id), override(version, "Written before it changed."));
        refused.then().statusCode(409).contentType(startsWith("text/html"));
        String page = refused.asString();
        String summary = page.substring(page.indexOf("id=\"error-summary\""));
        assertTrue(summary.contains("changed since you opened"));
        assertTrue(summary.contains("href=\"/console/incidents/" + id + "\""), "a link to reopen the incident");
        assertTrue(page.contains(">Written before it changed.</textarea>"));
        assertTrue(page.contains(">Wants it stopped.</textarea>"));
        assertTrue(page.contains("value=\"CSC_REFERRAL_S47\" checked"));
        assertTrue(page.contains("value=\"false\" checked"));
        assertTrue(page.contains("value=\"WOULD_OBSTRUCT_POLICE_INVESTIGATION\" selected"));
        assertTrue(page.contains("name=\"version\" value=\"" + version.replace("\"", "&quot;") + "\""), "the version as opened, not refreshed");
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
        assertEquals("IN_REVIEW", IncidentPageSupport.review(id).getString("status"));
    }

    @Test
    void anOverrideWithoutRationaleIsShownAgainWithEveryValueAndTheFieldMarked() {
        String id = IncidentPageSupport.recordConcern();
        Map<String, Object> fields = override(IncidentPageSupport.formVersion(id), "");
        fields.put("parentsNotInformedReason", "");

        Response refused = ConsoleForms.post(Persona.DSL_A, form(id), form(id), fields);
        refused.then().statusCode(422).contentType(startsWith("text/html"));
        String page = refused.asString();
        assertTrue(page.contains("id=\"error-summary\" class=\"error-summary\" role=\"alert\""));
        assertTrue(page.contains("href=\"#rationale\""), "the summary links to the field");
        assertTrue(page.contains("href=\"#parentsNotInformedReason\""));
        assertTrue(page.contains("<span class=\"error-message\">required when the recommendation is not accepted in full</span>"),
                "the service's own message at the field");
        assertTrue(page.contains(">Wants it stopped.</textarea>"), "entered values kept");
        assertTrue(page.contains("value=\"CSC_REFERRAL_S47\" checked"));
        JsonPath review = IncidentPageSupport.review(id);
        assertEquals(0, review.getList("decisions").size());
        assertEquals("AWAITING_DSL_REVIEW", review.getString("status"), "the review start is rolled back with the refused decision");
    }

    @Test
    void internalHandlingWithoutTheAttestationIsRefusedByTheServiceRules() {
        String id = IncidentPageSupport.recordConcern();
        Map<String, Object> fields = override(IncidentPageSupport.formVersion(id), "Handled in school.");
        fields.put("outcome", "MANAGED_INTERNALLY");
        fields.put("acceptRecommendation", "true");
        fields.remove("routes");
        fields.put("reviewBy", LocalDate.now(ZoneId.of("Europe/London")).plusDays(14).toString());
        fields.put("headteacherConsulted", "true");

        String page = ConsoleForms.post(Persona.DSL_A, form(id), form(id), fields).then().statusCode(422).extract().asString();
        assertTrue(page.contains("href=\"#sufficientInformation\""));
        assertTrue(page.contains("href=\"#risksManageableInSetting\""));
        assertFalse(page.contains("href=\"#headteacherConsulted\""), "the ticked one is not refused");
        assertTrue(page.contains("id=\"headteacherConsulted\" name=\"headteacherConsulted\" value=\"true\" checked"));
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
    }

    @Test
    void missingChoicesAreRefusedByTheApisConstraints() {
        String id = IncidentPageSupport.recordConcern();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", IncidentPageSupport.formVersion(id));
        fields.put("rationale", "Only this.");
        String page = ConsoleForms.post(Persona.DSL_A, form(id), form(id), fields).then().statusCode(422).extract().asString();
        for (String target : List.of("#outcome-REFERRED", "#acceptRecommendation-true", "#parentsInformed-true", "#childViews", "#childViewsWeighed")) {
            assertTrue(page.contains("href=\"" + target + "\""), () -> "refused: " + target);
        }
        assertTrue(page.contains(">Only this.</textarea>"));
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
    }

    @Test
    void withoutTheCsrfTokenNothingIsStored() {
        String id = IncidentPageSupport.recordConcern();
        Map<String, Object> fields = override(IncidentPageSupport.formVersion(id), "No token.");
        int status = Persona.DSL_A.page().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(fields)
                .post(form(id)).statusCode();
        assertTrue(status == 400 || status == 403, () -> "refused, not " + status);
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
        assertEquals("AWAITING_DSL_REVIEW", IncidentPageSupport.review(id).getString("status"));
    }

    @Test
    void aRationaleCarryingImageDataIsRefusedByTheFormGuard() {
        String id = IncidentPageSupport.recordConcern();
        String image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        Response refused = ConsoleForms.post(Persona.DSL_A, form(id), form(id), override(IncidentPageSupport.formVersion(id), image));
        refused.then().statusCode(422).contentType(startsWith("text/html")).body(not(containsString("iVBORw0KGgo")))
                .body(containsString("This could not be accepted"));
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
    }

    @Test
    void onlyTheSchoolsDslMayDecide() {
        String id = IncidentPageSupport.recordConcern();
        Persona.DSL_B.page().get(form(id)).then().statusCode(404).body(containsString("Page not found"));
        Persona.STAFF_A.page().get(form(id)).then().statusCode(403);
        Persona.HEAD_A.page().get(form(id)).then().statusCode(403);
        // Another school's DSL with a valid form of their own console is still refused at the service.
        String other = IncidentPageSupport.recordConcernOfSchoolB();
        Map<String, Object> fields = override("\"1\"", "Not mine.");
        ConsoleForms.post(Persona.DSL_B, form(other), form(id), fields).then().statusCode(404);
        assertEquals(0, IncidentPageSupport.review(id).getList("decisions").size());
    }

    private static String form(String id) {
        return "/console/incidents/" + id + "/decision";
    }

    /** Refer to children's social care against the recommendation; parents not told, with a reason. */
    private static Map<String, Object> override(String version, String rationale) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("version", version);
        fields.put("outcome", "REFERRED");
        fields.put("acceptRecommendation", "false");
        fields.put("routes", "CSC_REFERRAL_S47");
        fields.put("rationale", rationale);
        fields.put("parentsInformed", "false");
        fields.put("parentsNotInformedReason", "WOULD_OBSTRUCT_POLICE_INVESTIGATION");
        fields.put("childViews", "Wants it stopped.");
        fields.put("childViewsWeighed", "Referral agreed with the child.");
        fields.put("reviewBy", "");
        return fields;
    }
}
