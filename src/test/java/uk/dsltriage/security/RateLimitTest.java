package uk.dsltriage.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Persona;

/**
 * The per-user rate limit over HTTP, with a small bucket (20 requests, one back a minute, so none come back during
 * the test): a flood from one user gets 429 problem+json with Retry-After and the RateLimit headers, while another
 * user's requests in the same window still succeed, and health and metrics are never limited.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBucket.class)
class RateLimitTest {

    static final int CAPACITY = 20;
    /**
     * The stated bound for a bystander while another user floods: each request answered within 10 s. Generous on
     * purpose, so that a slow shared machine never fails the test; a refused request costs one map lookup and one
     * short lock on the flooder's own bucket, never the bystander's.
     */
    static final Duration BYSTANDER_BOUND = Duration.ofSeconds(10);

    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsltriage.rate-limit.capacity", String.valueOf(CAPACITY),
                    "dsltriage.rate-limit.refill-per-minute", "1");
        }
    }

    @Test
    void aFloodFromOneUserIsRefusedWith429WhileAnotherUserIsServed() throws Exception {
        List<Response> flood = new ArrayList<>();
        List<Long> bystanderMillis = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> floodFutures = new ArrayList<>();
            for (int i = 0; i < CAPACITY * 3; i++) {
                floodFutures.add(pool.submit(() -> Persona.STAFF_A.request().get("/api/v1/incidents?size=1")));
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Persona.STAFF_B.request().get("/api/v1/incidents?size=1").then().statusCode(200)
                        .header(RateLimitFilter.LIMIT, String.valueOf(CAPACITY));
                bystanderMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            for (Future<Response> f : floodFutures) {
                flood.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        long served = flood.stream().filter(r -> r.statusCode() == 200).count();
        List<Response> refused = flood.stream().filter(r -> r.statusCode() == 429).toList();
        // The burst is served; a token comes back each minute, so a very slow machine may serve one or two more.
        assertTrue(served >= CAPACITY && served <= CAPACITY + 2, "served " + served);
        assertEquals(flood.size() - served, refused.size(),
                "the rest is refused, nothing else: " + flood.stream().map(Response::statusCode).toList());
        for (Response r : refused) {
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertEquals("https://dsl-triage.uk/problems/rate-limited", r.path("type"));
            assertEquals(429, (int) r.path("status"));
            long retryAfter = Long.parseLong(r.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "one token a minute: " + retryAfter);
            assertEquals(String.valueOf(CAPACITY), r.header(RateLimitFilter.LIMIT));
            assertEquals("0", r.header(RateLimitFilter.REMAINING));
            assertNotNull(r.header(RateLimitFilter.RESET));
        }
        for (long millis : bystanderMillis) {
            assertTrue(millis < BYSTANDER_BOUND.toMillis(), "bystander request took " + millis + " ms");
        }
        // Still refused after the flood, and the bystander is still served.
        Persona.STAFF_A.request().get("/api/v1/incidents?size=1").then().statusCode(429);
        Persona.STAFF_B.request().get("/api/v1/incidents?size=1").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreNeverLimited() {
        for (int i = 0; i < CAPACITY + 5; i++) {
            Persona.DSL_B.request().get("/api/v1/incidents?size=1");
        }
        Persona.DSL_B.request().get("/api/v1/incidents?size=1").then().statusCode(429);
        for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics")) {
            Response r = given().auth().oauth2(Persona.DSL_B.token()).get(path);
            assertEquals(200, r.statusCode(), path);
            assertNull(r.header(RateLimitFilter.LIMIT), path);
        }
    }

    @Test
    void aRequestWithoutAUsableTokenIsLeftToTheSecurityLayer() {
        Response r = given().get("/api/v1/incidents");
        assertEquals(401, r.statusCode());
        assertNull(r.header(RateLimitFilter.LIMIT));
    }
}
