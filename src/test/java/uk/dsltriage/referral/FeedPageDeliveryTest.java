package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * How a feed page is delivered: its status line and headers leave before its children are opened (FeedPageWriter),
 * and its reading is recorded before any child is opened. So a child that does not open (a damaged record) can no
 * longer become a problem response: the response must end before the page does, and no client may take what it
 * received for a page, while pages without that child are still served whole.
 */
@QuarkusTest
class FeedPageDeliveryTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/v1/la/referrals")
    URL feed;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aPageReadIsRecordedWithItsPositionsAndAnEmptyPageOrAnIdlePollIsNot() throws Exception {
        String authority = "990";
        List<String> children = sendTwoReferrals(authority);

        long mark = lastAuditEvent();
        HttpResponse<String> page = get(authority, "?limit=10", null);
        assertEquals(200, page.statusCode());
        JsonNode read = mapper.readTree(page.body());
        assertEquals(2, read.get("items").size());
        assertEquals(List.of("REFERRAL_FEED_READ REFERRAL_FEED_PAGE " + positionOf(children.get(0)) + "-" + positionOf(children.get(1))),
                auditedFor(authority, mark));

        mark = lastAuditEvent();
        String after = "?limit=10&after=" + read.get("nextCursor").asText();
        HttpResponse<String> empty = get(authority, after, null);
        assertEquals(0, mapper.readTree(empty.body()).get("items").size());
        assertEquals(304, get(authority, after, empty.headers().firstValue("ETag").orElseThrow()).statusCode());
        assertEquals(List.of(), auditedFor(authority, mark), "nothing was read: nothing is recorded");
    }

    @Test
    void aChildThatDoesNotOpenEndsTheResponseBeforeThePageEnds() throws Exception {
        String authority = "991";
        List<String> sent = sendTwoReferrals(authority);
        String healthy = sent.get(0);
        String damaged = sent.get(1);
        damageTheSealedChild(damaged);

        JsonNode first = mapper.readTree(get(authority, "?limit=1", null).body());
        assertEquals(1, first.get("items").size(), "the page before the damaged child is served whole");
        assertEquals(healthy, first.get("items").get(0).get("child").get("ref").asText());

        long mark = lastAuditEvent();
        String after = "?limit=10&after=" + first.get("nextCursor").asText();
        for (int poll = 0; poll < 2; poll++) {
            try {
                HttpResponse<String> page = get(authority, after, null);
                assertEquals(200, page.statusCode(), "the headers were sent before the child was opened");
                assertThrows(JsonProcessingException.class, () -> mapper.readTree(page.body()),
                        "what arrived must not parse as a page");
            } catch (IOException endedEarly) {
                // the connection closed before the body's end: the client knows it has no page
            }
        }
        String range = positionOf(damaged) + "-" + positionOf(damaged);
        assertEquals(List.of("REFERRAL_FEED_READ REFERRAL_FEED_PAGE " + range, "REFERRAL_FEED_READ REFERRAL_FEED_PAGE " + range),
                auditedFor(authority, mark), "each read is recorded before its children are opened");
    }

    private HttpResponse<String> get(String authority, String query, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed + query))
                .header("Authorization", "Bearer " + Tokens.forLocalAuthority("delivery-la-" + authority, authority, "la-officer"))
                .header("Accept", "application/json").GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Two referrals to the authority, in this order, each for a child of its own: the children's references. */
    private static List<String> sendTwoReferrals(String authority) {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        List<String> children = List.of("C-delivery-" + UUID.randomUUID(), "C-delivery-" + UUID.randomUUID());
        for (String child : children) {
            Persona.DSL_A.request().body(ReferralFixtures.referral(authority, child, "Given", "Family").toString())
                    .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201);
        }
        return children;
    }

    /** One bit of the one sealed value flipped: the AEAD tag no longer matches. */
    private void damageTheSealedChild(String childRef) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update child_identity set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1) where child_ref = ?")) {
            s.setString(1, childRef);
            assertEquals(1, s.executeUpdate());
        }
    }

    private long positionOf(String childRef) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select feed_position from referral where child_ref = ?")) {
            s.setString(1, childRef);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long lastAuditEvent() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(max(id), 0) from audit_event"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The events the authority's officer left since the mark: action, object type and object id. */
    private List<String> auditedFor(String authority, long mark) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select action || ' ' || object_type || ' ' || object_id from audit_event where id > ? and actor = ? order by id")) {
            s.setLong(1, mark);
            s.setString(2, Tokens.ISSUER + " delivery-la-" + authority);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
        }
        return events;
    }
}
