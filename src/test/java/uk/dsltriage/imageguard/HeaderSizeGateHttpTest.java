package uk.dsltriage.imageguard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.DatabaseScan;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.LogCapture;
import uk.dsltriage.support.Persona;

/**
 * Request headers over 8 KB answer 431 problem+json (not Vert.x's bare 431), for anonymous and authenticated callers,
 * before the body is read: nothing is stored, and the header is neither echoed nor logged.
 */
@QuarkusTest
class HeaderSizeGateHttpTest {

    private static final String CANARY = "zq7canaryhead";

    @Inject
    AgroalDataSource dataSource;

    private static String padding(int bytes) {
        return CANARY + "a".repeat(bytes - CANARY.length());
    }

    @ParameterizedTest(name = "{0} bytes in one header")
    @ValueSource(ints = {33 * 1024, 64 * 1024})
    void anOversizedHeaderIs431ProblemAndNothingIsStored(int size) {
        String before = DatabaseScan.everything(dataSource).replaceAll("(?m)^audit_.*$", "");
        try (LogCapture logs = LogCapture.install()) {
            for (RequestSpecification request : new RequestSpecification[] {given(), Persona.STAFF_A.request()}) {
                request.header("X-Padding", padding(size)).header("Idempotency-Key", Fixtures.key())
                        .contentType("application/json").body(Fixtures.incident()).post("/api/v1/incidents").then()
                        .statusCode(431)
                        .contentType(startsWith("application/problem+json"))
                        .body("status", equalTo(431))
                        .body("type", endsWith("/headers-too-large"))
                        .body("instance", org.hamcrest.Matchers.notNullValue())
                        .body(not(containsString(CANARY)));
            }
            assertFalse(logs.text().contains(CANARY), "a header reached the log");
        }
        String after = DatabaseScan.everything(dataSource).replaceAll("(?m)^audit_.*$", "");
        assertFalse(after.contains(CANARY), "a header was stored");
        assertEquals(before.lines().filter(l -> l.startsWith("incident")).count(),
                after.lines().filter(l -> l.startsWith("incident")).count(), "no incident was recorded");
    }

    @Test
    void manyHeadersAddUpAndAHeaderBlockUnderTheLimitIsServed() {
        RequestSpecification many = Persona.STAFF_A.request();
        for (int i = 0; i < 42; i++) {
            many.header("X-Padding-" + i, "b".repeat(800));
        }
        many.get("/api/v1/incidents").then().statusCode(431).contentType(startsWith("application/problem+json"));
        Persona.STAFF_A.request().header("X-Padding", "c".repeat(24 * 1024)).get("/api/v1/incidents").then()
                .statusCode(200);
    }
}
