package uk.dsltriage.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import uk.dsltriage.support.Decisions;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** Incidents that call for a referral, and referral bodies with a distinct, recognisable child. */
public final class ReferralFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private ReferralFixtures() {
    }

    /**
     * TC01 with an immediate risk of harm: the recommendation includes a section 47 referral, and the DSL has decided
     * to refer as recommended.
     */
    public static String s47Incident(Persona recorder) {
        String incident = s47IncidentUndecided(recorder);
        Persona dsl = recorder.name().endsWith("_B") ? Persona.DSL_B : Persona.DSL_A;
        Decisions.referAsRecommended(dsl.token(), incident);
        return incident;
    }

    /** The same incident before any decision: nothing may be referred yet. */
    static String s47IncidentUndecided(Persona recorder) {
        String body = Fixtures.incident().replace("\"immediateRiskOfHarm\": false", "\"immediateRiskOfHarm\": true");
        return recorder.request().body(body).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
    }

    /** TC01 as it is: managed internally, no referral route. */
    static String internalIncident(Persona dsl) {
        return dsl.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    public static ObjectNode referral(String laCode, String childRef, String givenName, String familyName) {
        try (InputStream in = ReferralFixtures.class.getResourceAsStream("/openapi-examples/createReferral.json")) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            body.put("laCode", laCode);
            ObjectNode child = (ObjectNode) body.get("child");
            child.put("ref", childRef);
            child.put("givenName", givenName);
            child.put("familyName", familyName);
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name no other test uses, so that scanning the database or the logs for it proves something. */
    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "q");
    }
}
