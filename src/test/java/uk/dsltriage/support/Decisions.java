package uk.dsltriage.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** The DSL's decision a referral needs: recorded over the API, as a DSL does before referring. */
public final class Decisions {

    /** Refer as the recommendation says (accepting it in full); parents not told, with an allowed reason. */
    public static final String REFER_AS_RECOMMENDED = """
            { "outcome": "REFERRED", "acceptRecommendation": true, "parentsInformed": false,
              "parentsNotInformedReason": "WOULD_OBSTRUCT_POLICE_INVESTIGATION",
              "childViews": "Wants it stopped.", "childViewsWeighed": "Referral agreed with the child." }""";

    private Decisions() {
    }

    /** Records {@link #REFER_AS_RECOMMENDED} on the incident. */
    public static void referAsRecommended(String dslToken, String incident) {
        String etag = given().auth().oauth2(dslToken).get("/api/v1/incidents/" + incident + "/review")
                .then().statusCode(200).extract().path("etag");
        given().auth().oauth2(dslToken).contentType(ContentType.JSON).header("If-Match", etag)
                .body(REFER_AS_RECOMMENDED)
                .post("/api/v1/incidents/" + incident + "/decision").then().statusCode(201);
    }
}
