package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.referral.api.FeedPageView;
import uk.dsltriage.referral.api.ReferralDocument;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * The feed sends each form as the text stored when the referral was sent (V15), unparsed. What goes on the wire must
 * still be byte for byte what the contract's records write: the same bytes as the one-referral read (which parses the
 * stored form and writes it again), and as {@link FeedPageView} of those documents written by the API's mapper (as
 * UTF-8 bytes, as a response is).
 * Referrals sent before V15 (no stored text) are written from their jsonb copy, to the same bytes; the child is sent as
 * the one value opened (V16), or opened from the four values of the layout before, to the same bytes.
 */
@QuarkusTest
class FeedWireTest {

    private static final String AUTHORITY = "995";

    @Inject
    LocalAuthorityReferrals authorities;

    @Inject
    ObjectMapper mapper;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFeedPageIsByteForByteTheContractsJsonWithTheFormSentAsStored() throws Exception {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        ObjectNode body = ReferralFixtures.referral(AUTHORITY, "C-wire-" + UUID.randomUUID(), "Zoë \"Z\" & Ann", "O'Brien\u2028Ünal");
        // An offset other than UTC and a fraction: the form kept must be what the API writes, not what was sent.
        body.put("phoneReferralAt", "2026-11-20T11:05:00.120+01:00");
        ((ObjectNode) body.get("concerns")).put("facts", "Tabs\tand \"quotes\", an ampersand &, non-ASCII é ß \u20ac and a \\ backslash.");
        UUID kept = send(incident, body);
        assertNotNull(storedFormOf(kept), "the form as sent is kept as text");
        assertOnePageIsTheContracts(kept);

        // Jackson's string and UTF-8 writers differ on characters outside the Basic Multilingual Plane: such a form
        // is not kept as text, and is written by the response's writer.
        ((ObjectNode) body.get("concerns")).put("facts", "An emoji \uD83D\uDE00 in the account.");
        ((ObjectNode) body.get("child")).put("ref", "C-wire-" + UUID.randomUUID());
        ((ObjectNode) body.get("child")).put("givenName", "Emoji \uD83D\uDE00 Ann");
        UUID emoji = send(incident, body);
        assertNull(storedFormOf(emoji));
        assertOnePageIsTheContracts(emoji);

        // A referral sent before V15: the same row without the kept text (inserted as that migration found them).
        UUID legacy = copyWithoutStoredForm(kept, positionOf(emoji) + 1);
        assertNull(storedFormOf(legacy));
        assertOnePageIsTheContracts(legacy);

        // Children stored in the layout before V16 (four values, no one value; as before it, or by a replica of the
        // previous version): opened and written, to the same bytes.
        assertEquals(2, dropOneValueOfChildrenOf(kept, emoji));
        assertOnePageIsTheContracts(kept);
        assertOnePageIsTheContracts(emoji);
    }

    private int dropOneValueOfChildrenOf(UUID... referrals) throws Exception {
        int dropped = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("update child_identity ci "
                + "set sealed = null from referral r where r.id = ? and ci.school_urn = r.school_urn and ci.child_ref = r.child_ref")) {
            for (UUID id : referrals) {
                s.setObject(1, id);
                dropped += s.executeUpdate();
            }
        }
        return dropped;
    }

    private static UUID send(String incident, ObjectNode body) {
        return UUID.fromString(Persona.DSL_A.request().body(body.toString()).post("/api/v1/incidents/" + incident + "/referrals")
                .then().statusCode(201).extract().path("referral.id"));
    }

    /** A page of one item, the referral, compared byte for byte with the contract's records and the one-referral read. */
    private void assertOnePageIsTheContracts(UUID id) throws Exception {
        long position = positionOf(id);
        String page = authority().queryParam("after", FeedCursor.of(position - 1)).queryParam("limit", 1)
                .get("/api/v1/la/referrals").then().statusCode(200).extract().asString();
        assertEquals(expectedPage(id.toString(), FeedCursor.of(position)), page);
    }

    private static RequestSpecification authority() {
        return RestAssured.given().auth().oauth2(Tokens.forLocalAuthority("wire-la", AUTHORITY, "la-officer")).accept(ContentType.JSON);
    }

    /** The page as the contract's records write it, and as the one-referral read answers, which must agree. */
    private String expectedPage(String id, String nextCursor) throws Exception {
        String single = authority()
                .get("/api/v1/la/referrals/" + id).then().statusCode(200).extract().asString();
        AccessScope authority = new AccessScope(Tokens.ISSUER, "wire-la", null, AUTHORITY, Set.of("la-officer"));
        // As bytes: the response's UTF-8 writer escapes characters outside the BMP, the string writer does not.
        String written = new String(mapper.writeValueAsBytes(new FeedPageView(List.of(ReferralDocument.of(QuarkusTransaction.requiringNew()
                .call(() -> authorities.get(authority, UUID.fromString(id))))), nextCursor)), StandardCharsets.UTF_8);
        assertEquals("{\"items\":[" + single + "],\"nextCursor\":\"" + nextCursor + "\"}", written);
        return written;
    }

    private long positionOf(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select feed_position from referral where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String storedFormOf(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select form_json from referral where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private UUID copyWithoutStoredForm(UUID id, long position) throws Exception {
        UUID copy = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into referral (id, incident_id, school_urn, la_code, kind, "
                    + "child_ref, urgency, content, created_by, created_at, acknowledgement_due_at, feed_position) "
                    + "select ?, incident_id, school_urn, la_code, kind, child_ref, urgency, content, created_by, created_at, "
                    + "acknowledgement_due_at, ? from referral where id = ?")) {
                s.setObject(1, copy);
                s.setLong(2, position);
                s.setObject(3, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("update la_feed_counter set last_position = ? where la_code = ?")) {
                s.setLong(1, position);
                s.setString(2, AUTHORITY);
                s.executeUpdate();
            }
        }
        return copy;
    }
}
