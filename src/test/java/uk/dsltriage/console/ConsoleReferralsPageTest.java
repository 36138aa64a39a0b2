package uk.dsltriage.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.referral.ReferralFixtures;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** The referrals pages: the school's referrals with acknowledgement and outcomes, shown only to that school's DSL. */
@QuarkusTest
class ConsoleReferralsPageTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReferralShowsItsAcknowledgementAndItsOutcomesNewestFirst() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String given = "Givenq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String referral = send(incident, given);
        String la = "/api/v1/la/referrals/" + referral;
        Persona.LA_OFFICER_1.request().body("{\"laReference\":\"MASH-77\"}").post(la + "/acknowledgement").then().statusCode(200);
        Persona.LA_OFFICER_1.request().body("{\"contactOutcome\":\"CIN_REFERRAL\"}").post(la + "/outcomes").then().statusCode(201);
        Persona.LA_OFFICER_1.request().body("{\"referralOutcome\":\"STRATEGY_DISCUSSION_OR_S47\"}").post(la + "/outcomes").then().statusCode(201);

        String list = Persona.DSL_A.page().get("/console/referrals").then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
        assertTrue(list.contains("<table id=\"referrals\""));
        String row = list.substring(list.indexOf("data-referral-id=\"" + referral + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("CSC S47 referral to " + Fixtures.LA_1), row);
        assertTrue(row.contains("href=\"/console/referrals/" + referral + "\""));
        assertTrue(row.contains("href=\"/console/incidents/" + incident + "\""));
        assertTrue(row.contains("Yes, <time"), "acknowledged");
        assertTrue(row.contains("Referral: Strategy discussion or S47"), "the latest outcome");
        assertTrue(!list.contains(given), "no identity on the list");
        CodeWords.assertNoneShown(list, "the referrals list");

        String page = Persona.DSL_A.page().get("/console/referrals/" + referral).then().statusCode(200).extract().asString();
        String ack = section(page, "acknowledgement");
        assertTrue(ack.contains("MASH-77") && ack.contains("local authority " + Fixtures.LA_1), ack);
        String outcomes = section(page, "outcomes");
        int newest = outcomes.indexOf("Referral: Strategy discussion or S47");
        int oldest = outcomes.indexOf("Contact: CIN referral");
        assertTrue(newest >= 0 && oldest > newest, "newest first: " + outcomes);
        assertTrue(page.contains(given), "the child's identity, which the API shows this school's DSL");
        CodeWords.assertNoneShown(page, "the referral page");
        String urgency = Persona.DSL_A.request().get("/api/v1/incidents/" + incident).then().statusCode(200).extract()
                .path("recommendation.labels.urgency.label");
        assertTrue(page.contains("urgency " + IncidentPageSupport.escaped(urgency) + ","), "the urgency in the rule set's words");
    }

    @Test
    void anUnacknowledgedReferralSaysSo() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String referral = send(incident, "Ann");
        assertTrue(section(Persona.DSL_A.page().get("/console/referrals/" + referral).then().statusCode(200).extract().asString(),
                "acknowledgement").contains("Not acknowledged yet"));
        assertTrue(section(Persona.DSL_A.page().get("/console/referrals/" + referral).asString(), "outcomes")
                .contains("has not recorded an outcome"));
    }

    @Test
    void anotherSchoolGetsTheNotFoundPageAndOtherRolesAreRefused() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String given = "Secretq" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        String referral = send(incident, given);

        Persona.DSL_B.page().get("/console/referrals/" + referral).then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("Page not found")).body(not(containsString(given)));
        Persona.DSL_B.page().get("/console/referrals").then().statusCode(200).body(not(containsString(referral)));
        Persona.DSL_A.page().get("/console/referrals/" + UUID.randomUUID()).then().statusCode(404);
        Persona.DSL_A.page().get("/console/referrals/not-a-uuid").then().statusCode(404);
        Persona.HEAD_A.page().get("/console/referrals").then().statusCode(403).contentType(startsWith("text/html"));
        Persona.STAFF_A.page().get("/console/referrals/" + referral).then().statusCode(403).body(not(containsString(given)));
    }

    @Test
    void pageViewsAreAuditedAsReferralReads() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String referral = send(incident, "Bea");

        long mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200);
        assertEquals(List.of("REFERRALS_READ INCIDENT " + incident), AuditTrail.after(dataSource, mark, Persona.DSL_A));

        mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.page().get("/console/referrals").then().statusCode(200);
        assertEquals(List.of("REFERRALS_READ REFERRAL -"), AuditTrail.after(dataSource, mark, Persona.DSL_A));

        mark = AuditTrail.mark(dataSource);
        Persona.DSL_A.page().get("/console/referrals/" + referral).then().statusCode(200);
        assertEquals(List.of("REFERRAL_READ REFERRAL " + referral), AuditTrail.after(dataSource, mark, Persona.DSL_A));
    }

    private static String send(String incident, String given) {
        String childRef = "C" + (100000 + new java.util.Random().nextInt(900000));
        return Persona.DSL_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, childRef, given, "Sample").toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201).extract().path("referral.id");
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "#" + id);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
