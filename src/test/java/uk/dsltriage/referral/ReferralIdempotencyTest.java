package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/**
 * An Idempotency-Key on referral creation works as intake's: the same key and body give the same referral and status,
 * another body with the key is a 422 that changes nothing, and concurrent retries make one referral (the unique
 * constraint decides), one feed position and one acknowledgement task.
 */
@QuarkusTest
class ReferralIdempotencyTest {

    @Inject
    AgroalDataSource dataSource;

    private static Response send(String incident, String key, ObjectNode body) {
        var request = Persona.DSL_A.request().body(body.toString());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/incidents/" + incident + "/referrals");
    }

    private static String newKey() {
        return "ref-" + UUID.randomUUID();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameReferralAndStatus() throws SQLException {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String key = newKey();
        ObjectNode body = ReferralFixtures.referral(Fixtures.LA_1, "C-idem-" + UUID.randomUUID(), "A", "B");
        Response first = send(incident, key, body);
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        Response again = send(incident, key, body);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        String id = first.jsonPath().getString("referral.id");
        assertEquals(id, again.jsonPath().getString("referral.id"));
        assertEquals(first.jsonPath().getString("referral.sentAt"), again.jsonPath().getString("referral.sentAt"));
        assertEquals(first.jsonPath().getString("referral.child.givenName"), again.jsonPath().getString("referral.child.givenName"));
        assertEquals(1, count("select count(*) from referral where idempotency_key = ?", key));
        assertEquals(1, count("select count(*) from review_task where referral_id = ?::uuid", id));
        assertEquals(1, count("select count(*) from audit_event where action = 'REFERRAL_REPLAYED' and object_id = ?", id));

        // Without a key, the same body is a new referral, as before.
        send(incident, null, body).then().statusCode(201);
    }

    @Test
    void theSameKeyWithAnotherBodyOrAnotherIncidentIsA422ThatChangesNothing() throws SQLException {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String key = newKey();
        String ref = "C-idem-" + UUID.randomUUID();
        send(incident, key, ReferralFixtures.referral(Fixtures.LA_1, ref, "A", "B")).then().statusCode(201);
        long referrals = count("select count(*) from referral where school_urn = ?", Fixtures.SCHOOL_A);

        send(incident, key, ReferralFixtures.referral(Fixtures.LA_1, ref, "Other", "B")).then().statusCode(422)
                .contentType("application/problem+json");
        String otherIncident = ReferralFixtures.s47Incident(Persona.DSL_A);
        send(otherIncident, key, ReferralFixtures.referral(Fixtures.LA_1, ref, "A", "B")).then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(referrals, count("select count(*) from referral where school_urn = ?", Fixtures.SCHOOL_A));
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        for (String bad : List.of("short", "has space in it", "x".repeat(129))) {
            send(incident, bad, ReferralFixtures.referral(Fixtures.LA_1, "C-bad-key", "A", "B")).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void concurrentRetriesWithTheSameKeyMakeOneReferral() throws Exception {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        ObjectNode body = ReferralFixtures.referral(Fixtures.LA_1, "C-idem-race-" + UUID.randomUUID(), "A", "B");
        Persona.DSL_A.token();
        for (int round = 0; round < 3; round++) {
            String key = newKey();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> calls = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return send(incident, key, body);
                    }));
                }
                start.countDown();
                List<String> ids = new ArrayList<>();
                for (Future<Response> call : calls) {
                    Response response = call.get(120, TimeUnit.SECONDS);
                    response.then().statusCode(201);
                    ids.add(response.jsonPath().getString("referral.id"));
                }
                assertEquals(ids.get(0), ids.get(1), "both callers get the one referral");
                assertEquals(1, count("select count(*) from referral where idempotency_key = ?", key));
                assertEquals(1, count("select count(*) from review_task where referral_id = ?::uuid", ids.get(0)));
                assertEquals(1, count("select count(*) from audit_event where action = 'REFERRAL_SENT' and object_id = ?", ids.get(0)));
            } finally {
                pool.shutdownNow();
            }
        }
        // No feed position was lost to the losing transactions: the authority's positions have no gap.
        assertEquals(0, count("select count(*) from (select feed_position - lag(feed_position) over (order by feed_position) "
                + "as step from referral where la_code = ?) s where step <> 1", Fixtures.LA_1));
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
