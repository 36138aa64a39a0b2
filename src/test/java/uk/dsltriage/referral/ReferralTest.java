package uk.dsltriage.referral;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

@QuarkusTest
class ReferralTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReferralRepository referrals;

    private static String send(Persona dsl, String incident, ObjectNode body) {
        return dsl.request().body(body.toString()).post("/api/v1/incidents/" + incident + "/referrals")
                .then().statusCode(201).extract().path("referral.id");
    }

    /** Every item of an authority's feed from the beginning, page by page. */
    private static List<String> drain(Persona authority) {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        while (true) {
            Response page = authority.request().queryParam("after", cursor).queryParam("limit", 200).get("/api/v1/la/referrals");
            page.then().statusCode(200);
            List<String> items = page.jsonPath().getList("items.id");
            if (items.isEmpty()) {
                return ids;
            }
            ids.addAll(items);
            cursor = page.jsonPath().getString("nextCursor");
        }
    }

    @Test
    void theAddressedAuthorityReceivesTheReferralWithTheChildAndNoOtherAuthorityCanReachIt() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String given = ReferralFixtures.uniqueName("Given");
        String referral = send(Persona.DSL_A, incident, ReferralFixtures.referral(Fixtures.LA_1, "C-" + UUID.randomUUID(), given, "Family"));

        assertTrue(drain(Persona.LA_OFFICER_1).contains(referral));
        Persona.LA_OFFICER_1.request().get("/api/v1/la/referrals/" + referral).then().statusCode(200)
                .body("kind", equalTo("CSC_S47"))
                .body("laCode", equalTo("999"))
                .body("child.givenName", equalTo(given))
                .body("child.household[0].relationship", equalTo("Mother"))
                .body("form.parentsNotInformedReason", equalTo("WOULD_INCREASE_RISK"))
                .body("form.recommendation.routes", hasItem("CSC_REFERRAL_S47"))
                .body("form.concerns.censusFactors", contains("11A"))
                // only what the authority needs: not the school's incident id or the sending user
                .body("incidentId", nullValue())
                .body("sentBy", nullValue());

        assertFalse(drain(Persona.LA_OFFICER_2).contains(referral));
        for (Response response : List.of(
                Persona.LA_OFFICER_2.request().get("/api/v1/la/referrals/" + referral),
                Persona.LA_OFFICER_2.request().body("{}").post("/api/v1/la/referrals/" + referral + "/acknowledgement"),
                Persona.LA_OFFICER_2.request().body("{\"contactOutcome\":\"NFA\"}").post("/api/v1/la/referrals/" + referral + "/outcomes"))) {
            response.then().statusCode(404).contentType(containsString("application/problem+json"))
                    .body(not(containsString(given)));
        }
        // and authority Y's attempt left nothing behind
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200)
                .body("[0].acknowledgement", nullValue()).body("[0].outcomes.size()", equalTo(0));
    }

    @Test
    void staffHeadteachersAndOtherSchoolsNeverSeeTheChildsIdentity() {
        String incident = ReferralFixtures.s47Incident(Persona.STAFF_A);
        String given = ReferralFixtures.uniqueName("Given");
        String family = ReferralFixtures.uniqueName("Family");
        // A UPN no other test stores (the legitimate-text corpus mentions the example one in an account).
        String upn = "A" + String.format("%012d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L));
        try (LogCapture logs = LogCapture.install()) {
            ObjectNode form = ReferralFixtures.referral(Fixtures.LA_1, "C-" + UUID.randomUUID(), given, family);
            ((ObjectNode) form.get("child")).put("upn", upn);
            send(Persona.DSL_A, incident, form);
            Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200)
                    .body("[0].referral.child.givenName", equalTo(given))
                    .body("[0].referral.child.familyName", equalTo(family));

            Persona.STAFF_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(403);
            Persona.HEAD_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(403);
            Persona.DSL_B.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(404);
            for (Persona reader : List.of(Persona.STAFF_A, Persona.HEAD_A)) {
                String seen = reader.request().get("/api/v1/incidents/" + incident).then().statusCode(200).extract().asString()
                        + reader.request().get("/api/v1/incidents").then().statusCode(200).extract().asString();
                assertFalse(seen.contains(given) || seen.contains(family), reader + " saw the child's identity");
            }
            // a refused request does not echo the identity either
            ObjectNode bad = ReferralFixtures.referral(Fixtures.LA_1, "C-" + UUID.randomUUID(), given, family);
            bad.put("parentsNotInformedReason", "NOT_A_REASON");
            Persona.DSL_A.request().body(bad.toString()).post("/api/v1/incidents/" + incident + "/referrals")
                    .then().statusCode(400).body(not(containsString(given)));
            assertFalse(logs.text().contains(given) || logs.text().contains(family), "the child's name reached the log");
        }
        for (String line : DatabaseScan.everything(dataSource).split("\n")) {
            for (String identifying : List.of(given, family, upn, "Example Road", "Jo Sample")) {
                assertFalse(line.contains(identifying), "identity stored in plaintext in table "
                        + line.substring(0, Math.max(0, line.indexOf(':'))) + " (" + identifying + ")");
            }
        }
    }

    @Test
    void aReferralNeedsAReferralRouteOfItsKindInTheDecision() {
        String internal = ReferralFixtures.internalIncident(Persona.DSL_A);
        Persona.DSL_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-x1", "A", "B").toString())
                .post("/api/v1/incidents/" + internal + "/referrals").then().statusCode(409)
                .contentType(containsString("application/problem+json"));
        String undecided = ReferralFixtures.s47IncidentUndecided(Persona.DSL_A);
        Persona.DSL_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-x0", "A", "B").toString())
                .post("/api/v1/incidents/" + undecided + "/referrals").then().statusCode(409);
        Decisions.referAsRecommended(Persona.DSL_A.token(), undecided);
        Persona.DSL_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-x0", "A", "B").toString())
                .post("/api/v1/incidents/" + undecided + "/referrals").then().statusCode(201);
        String s47 = ReferralFixtures.s47Incident(Persona.DSL_A);
        ObjectNode lado = ReferralFixtures.referral(Fixtures.LA_1, "C-x2", "A", "B");
        lado.put("kind", "LADO");
        Persona.DSL_A.request().body(lado.toString()).post("/api/v1/incidents/" + s47 + "/referrals").then().statusCode(409);
        Persona.DSL_B.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-x3", "A", "B").toString())
                .post("/api/v1/incidents/" + s47 + "/referrals").then().statusCode(404);
        Persona.STAFF_A.request().body(ReferralFixtures.referral(Fixtures.LA_1, "C-x4", "A", "B").toString())
                .post("/api/v1/incidents/" + s47 + "/referrals").then().statusCode(403);
    }

    @Test
    void theFormIsValidatedAgainstTheVocabulariesAndTheCensusRules() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        List<java.util.function.Consumer<ObjectNode>> invalid = List.of(
                b -> b.remove("parentsNotInformedReason"),
                b -> b.put("parentsInformed", true),
                b -> b.put("kind", "CSC_S99"),
                b -> b.put("laCode", "99"),
                b -> ((ObjectNode) b.get("concerns")).putArray("censusFactors").add("19A"),
                b -> ((ObjectNode) b.get("concerns")).putArray("censusFactors").add("21").add("11A"),
                b -> ((ObjectNode) b.get("concerns")).putArray("censusFactors").add("11A").add("11A"),
                b -> ((ObjectNode) b.get("concerns")).putArray("censusFactors").add("99Z"),
                b -> ((ObjectNode) b.get("child")).put("ref", "P 1"),
                b -> ((ObjectNode) b.get("child")).put("upn", "123"),
                b -> ((ObjectNode) b.get("child")).remove("dateOfBirth"));
        for (var change : invalid) {
            ObjectNode body = ReferralFixtures.referral(Fixtures.LA_1, "C-v", "A", "B");
            change.accept(body);
            Persona.DSL_A.request().body(body.toString()).post("/api/v1/incidents/" + incident + "/referrals")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void censusFactorsAreSuggestedFromTheIncidentWhenTheDslGivesNone() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        ObjectNode body = ReferralFixtures.referral(Fixtures.LA_1, "C-s", "A", "B");
        ((ObjectNode) body.get("concerns")).remove("censusFactors");
        Persona.DSL_A.request().body(body.toString()).post("/api/v1/incidents/" + incident + "/referrals")
                .then().statusCode(201).body("referral.form.concerns.censusFactors.size()", equalTo(0));
    }

    @Test
    void acknowledgementIsIdempotentAndTheDslSeesIt() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String referral = send(Persona.DSL_A, incident, ReferralFixtures.referral(Fixtures.LA_1, "C-ack", "A", "B"));
        Response first = Persona.LA_OFFICER_1.request().body("{\"laReference\":\"MASH-1\"}")
                .post("/api/v1/la/referrals/" + referral + "/acknowledgement");
        first.then().statusCode(200).body("laReference", equalTo("MASH-1"));
        Response again = Persona.LA_OFFICER_1.request().body("{\"laReference\":\"MASH-2\"}")
                .post("/api/v1/la/referrals/" + referral + "/acknowledgement");
        again.then().statusCode(200).body("laReference", equalTo("MASH-1"));
        assertEquals(first.jsonPath().getString("acknowledgedAt"), again.jsonPath().getString("acknowledgedAt"));
        Persona.LA_OFFICER_1.request().body("{}").post("/api/v1/la/referrals/" + referral + "/acknowledgement")
                .then().statusCode(200).body("laReference", equalTo("MASH-1"));

        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200)
                .body("[0].acknowledgement.laReference", equalTo("MASH-1"))
                .body("[0].acknowledgement.acknowledgedAt", equalTo(first.jsonPath().getString("acknowledgedAt")))
                .body("[0].acknowledgementOverdue", equalTo(false));
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select count(*) from audit_event where action = 'REFERRAL_ACKNOWLEDGED' and object_id = ?")) {
            s.setString(1, referral);
            var rs = s.executeQuery();
            rs.next();
            assertEquals(1, rs.getInt(1), "acknowledged once, audited once");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outcomesAreKeptInOrderAndValidated() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String referral = send(Persona.DSL_A, incident, ReferralFixtures.referral(Fixtures.LA_1, "C-out", "A", "B"));
        String path = "/api/v1/la/referrals/" + referral + "/outcomes";
        Persona.LA_OFFICER_1.request().body("{\"contactOutcome\":\"CIN_REFERRAL\"}").post(path).then().statusCode(201).body("sequence", equalTo(1));
        Persona.LA_OFFICER_1.request().body("{\"referralOutcome\":\"STRATEGY_DISCUSSION_OR_S47\"}").post(path).then().statusCode(201).body("sequence", equalTo(2));
        Persona.LA_OFFICER_1.request().body("{\"s47Outcome\":\"ICPC\"}").post(path).then().statusCode(201).body("sequence", equalTo(3));
        for (String bad : List.of("{}", "{\"contactOutcome\":\"MAYBE\"}", "{\"s47Outcome\":\"NFA\",\"note\":\"x\"}",
                "{\"contactOutcome\":\"NFA\",\"decidedAt\":\"2999-01-01T00:00:00Z\"}")) {
            Persona.LA_OFFICER_1.request().body(bad).post(path).then().statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
        Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/referrals").then().statusCode(200)
                .body("[0].outcomes.sequence", contains(1, 2, 3))
                .body("[0].outcomes[0].contactOutcome", equalTo("CIN_REFERRAL"))
                .body("[0].outcomes[1].referralOutcome", equalTo("STRATEGY_DISCUSSION_OR_S47"))
                .body("[0].outcomes[2].s47Outcome", equalTo("ICPC"))
                // a decision implies receipt
                .body("[0].acknowledgement.acknowledgedAt", not(nullValue()));
    }

    @Test
    void anIdlePollIsNotModifiedAndANewReferralChangesThePage() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_B);
        // LA 998 sees only what is sent to it here and by other tests; start from its current end
        List<String> before = drain(Persona.LA_OFFICER_2);
        String cursor = cursorAtTheEnd(Persona.LA_OFFICER_2);
        Response idle = Persona.LA_OFFICER_2.request().queryParam("after", cursor).get("/api/v1/la/referrals");
        idle.then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", equalTo(cursor));
        String etag = idle.header("ETag");
        assertNotNull(etag);
        Persona.LA_OFFICER_2.request().header("If-None-Match", etag).queryParam("after", cursor).get("/api/v1/la/referrals")
                .then().statusCode(304);

        String referral = send(Persona.DSL_B, incident, ReferralFixtures.referral(Fixtures.LA_2, "C-etag", "A", "B"));
        Persona.LA_OFFICER_2.request().header("If-None-Match", etag).queryParam("after", cursor).get("/api/v1/la/referrals")
                .then().statusCode(200).body("items.id", contains(referral)).header("ETag", not(equalTo(etag)));
        assertFalse(before.contains(referral));
    }

    @Test
    void aFullPageLinksToTheNextPageWithItsOwnCursorAndAShorterPageDoesNot() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_B);
        String cursor = cursorAtTheEnd(Persona.LA_OFFICER_2);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(send(Persona.DSL_B, incident, ReferralFixtures.referral(Fixtures.LA_2, "C-link-" + UUID.randomUUID(), "A", "B")));
        }

        Response full = Persona.LA_OFFICER_2.request().queryParam("after", cursor).queryParam("limit", 2).get("/api/v1/la/referrals");
        full.then().statusCode(200).body("items.id", contains(sent.get(0), sent.get(1)));
        String next = full.jsonPath().getString("nextCursor");
        assertEquals("</api/v1/la/referrals?after=" + next + "&limit=2>; rel=\"next\"", full.header("Link"));

        Response shorter = Persona.LA_OFFICER_2.request().get("/api/v1/la/referrals?after=" + next + "&limit=2");
        shorter.then().statusCode(200).body("items.id", contains(sent.get(2)));
        assertEquals(null, shorter.header("Link"));
        // nor on the empty page, nor on a 304
        Response empty = Persona.LA_OFFICER_2.request().queryParam("after", shorter.jsonPath().getString("nextCursor"))
                .queryParam("limit", 2).get("/api/v1/la/referrals");
        empty.then().statusCode(200).body("items.size()", equalTo(0));
        assertEquals(null, empty.header("Link"));
        Response notModified = Persona.LA_OFFICER_2.request().header("If-None-Match", full.header("ETag"))
                .queryParam("after", cursor).queryParam("limit", 2).get("/api/v1/la/referrals");
        notModified.then().statusCode(304);
        assertEquals(null, notModified.header("Link"));
    }

    /** The cursor after everything the authority's feed holds now (pages of 200 until an empty one). */
    private static String cursorAtTheEnd(Persona la) {
        String cursor = "";
        while (true) {
            Response page = la.request().queryParam("after", cursor).queryParam("limit", 200).get("/api/v1/la/referrals");
            cursor = page.jsonPath().getString("nextCursor");
            if (page.jsonPath().getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    @Test
    void theLargestPageIsAThousandForABacklogAndOneMoreIsAProblem() {
        Persona.LA_OFFICER_1.request().queryParam("limit", 1000).get("/api/v1/la/referrals").then().statusCode(200);
        Persona.LA_OFFICER_1.request().queryParam("limit", 1001).get("/api/v1/la/referrals").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void aBadCursorOrLimitIsAProblemNotAServerError() {
        for (String[] query : List.of(new String[] {"after", "not-a-cursor"}, new String[] {"after", "djE6LTE"},
                new String[] {"limit", "0"}, new String[] {"limit", "1001"}, new String[] {"limit", "ten"})) {
            Persona.LA_OFFICER_1.request().queryParam(query[0], query[1]).get("/api/v1/la/referrals")
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
        String noClaim = Tokens.withoutScope("officer-noclaim", "la-officer");
        io.restassured.RestAssured.given().auth().oauth2(noClaim).get("/api/v1/la/referrals").then().statusCode(403);
    }
}
