package uk.dsltriage.security.keycloak;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real tokens from the running Keycloak (demo identities of deploy/keycloak/README.md). Plain java.net.http and Jackson,
 * so nothing here depends on the application under test. Never prints a token.
 */
public final class KeycloakTokens {

    /** Published demo password of every demo user (deploy/keycloak/README.md). */
    public static final String DEMO_PASSWORD = "Demo-Passw0rd!";
    public static final String CLI = "dsl-triage-cli";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    public KeycloakTokens(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The token endpoint's answer; {@code idToken} is null unless scope openid was asked for. */
    public record TokenResponse(String accessToken, String idToken, long expiresIn) {
    }

    /** Access token of a dsl-triage user via the dsl-triage-cli client (password grant). */
    public String accessToken(String username) {
        return password(KeycloakResource.REALM, CLI, username, null).accessToken();
    }

    public TokenResponse password(String realm, String clientId, String username, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", DEMO_PASSWORD);
        if (scope != null) {
            form.put("scope", scope);
        }
        return request(realm, form, clientId + "/" + username);
    }

    public String clientCredentials(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return request(KeycloakResource.REALM, form, clientId).accessToken();
    }

    /** The realm's published signing keys (JWKS). */
    public List<Map<String, Object>> signingKeys(String realm) {
        Map<String, Object> jwks = get(baseUrl + "/realms/" + realm + "/protocol/openid-connect/certs");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        return keys.stream().filter(k -> "sig".equals(k.get("use"))).toList();
    }

    private TokenResponse request(String realm, Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                // The error body names the error ("invalid_grant", ...), never a token.
                throw new IllegalStateException("token request for " + what + " in realm " + realm + " failed: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            Map<String, Object> json = JSON.readValue(response.body(), new TypeReference<>() { });
            Object expiresIn = json.get("expires_in");
            return new TokenResponse((String) json.get("access_token"), (String) json.get("id_token"),
                    expiresIn instanceof Number n ? n.longValue() : -1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
            }
            return JSON.readValue(response.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ JWT pieces (compact JWS)

    public static Map<String, Object> header(String jwt) {
        return json(part(jwt, 0));
    }

    public static Map<String, Object> payload(String jwt) {
        return json(part(jwt, 1));
    }

    public static String part(String jwt, int index) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        return parts[index];
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String unb64(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    public static Map<String, Object> json(String base64UrlPart) {
        try {
            return JSON.readValue(unb64(base64UrlPart), new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT part is not JSON", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
