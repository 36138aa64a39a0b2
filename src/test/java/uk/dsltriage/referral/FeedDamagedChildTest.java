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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * A feed page's status line and headers leave before its children are opened (FeedPageWriter), so a child that does
 * not open (a damaged record) can no longer become a problem response: the response must then end before the page
 * does, and no client may take what it received for a page. Pages without that child are still served whole.
 */
@QuarkusTest
class FeedDamagedChildTest {

    private static final String AUTHORITY = "991";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/v1/la/referrals")
    URL feed;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChildThatDoesNotOpenEndsTheResponseBeforeThePageEnds() throws Exception {
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        String healthy = "C-damage-" + UUID.randomUUID();
        String damaged = "C-damage-" + UUID.randomUUID();
        send(incident, healthy);
        send(incident, damaged);
        damageTheSealedChild(damaged);

        JsonNode first = mapper.readTree(get("?limit=1").body());
        assertEquals(1, first.get("items").size(), "the page before the damaged child is served whole");
        assertEquals(healthy, first.get("items").get(0).get("child").get("ref").asText());

        String after = "?limit=10&after=" + first.get("nextCursor").asText();
        for (int poll = 0; poll < 2; poll++) {
            try {
                HttpResponse<String> page = get(after);
                assertEquals(200, page.statusCode(), "the headers were sent before the child was opened");
                assertThrows(JsonProcessingException.class, () -> mapper.readTree(page.body()),
                        "what arrived must not parse as a page");
            } catch (IOException endedEarly) {
                // the connection closed before the body's end: the client knows it has no page
            }
        }
    }

    private HttpResponse<String> get(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed + query))
                .header("Authorization", "Bearer " + Tokens.forLocalAuthority("damage-la", AUTHORITY, "la-officer"))
                .header("Accept", "application/json").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void send(String incident, String childRef) {
        Persona.DSL_A.request().body(ReferralFixtures.referral(AUTHORITY, childRef, "Given", "Family").toString())
                .post("/api/v1/incidents/" + incident + "/referrals").then().statusCode(201);
    }

    /** One bit of the one sealed value flipped: the AEAD tag no longer matches. */
    private void damageTheSealedChild(String childRef) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update child_identity set sealed = set_byte(sealed, 20, get_byte(sealed, 20) # 1) where child_ref = ?")) {
            s.setString(1, childRef);
            assertEquals(1, s.executeUpdate());
        }
    }
}
