package uk.dsltriage.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the identity provider's signing keys are available: fetched from its JWKS (found through OpenID discovery),
 * or cached from an earlier fetch. Without keys no token can be verified, so the service is not ready.
 * A successful fetch is reused for {@code refreshAfter}, so probes do not load the identity provider.
 *
 * <p>The first probe is on the path to readiness, so this asks with {@link HttpURLConnection}: {@code java.net.http}'s
 * client sets up the JDK's default TLS context (the CA certificates read and parsed) even for plain HTTP: about 550
 * classes loaded for two small GETs (bench/STARTUP-2026-12-01.md).
 */
final class IdentityProviderKeys {

    record State(boolean available, int keys, Instant fetchedAt, String source) {
    }

    private final URI discovery;
    private final Duration refreshAfter;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Duration timeout;
    private volatile State cached;

    IdentityProviderKeys(String authServerUrl, Duration timeout, Duration refreshAfter, Clock clock) {
        String base = authServerUrl.endsWith("/") ? authServerUrl : authServerUrl + "/";
        this.discovery = URI.create(base + ".well-known/openid-configuration");
        this.refreshAfter = refreshAfter;
        this.timeout = timeout;
        this.clock = clock;
    }

    State check() {
        State last = cached;
        Instant now = clock.instant();
        if (last != null && last.fetchedAt().plus(refreshAfter).isAfter(now)) {
            return new State(true, last.keys(), last.fetchedAt(), "cached");
        }
        Optional<Integer> fetched = fetchKeyCount();
        if (fetched.isPresent() && fetched.get() > 0) {
            cached = new State(true, fetched.get(), now, "fetched");
            return cached;
        }
        // The OIDC client keeps keys it has fetched; so do we: an identity provider down for a while is not an outage
        // of a service that can still verify tokens.
        return last == null ? new State(false, 0, null, "unreachable")
                : new State(true, last.keys(), last.fetchedAt(), "cached (identity provider unreachable)");
    }

    private Optional<Integer> fetchKeyCount() {
        try {
            JsonNode configuration = get(discovery);
            JsonNode jwksUri = configuration.get("jwks_uri");
            if (jwksUri == null || !jwksUri.isTextual()) {
                return Optional.empty();
            }
            JsonNode keys = get(URI.create(jwksUri.asText())).get("keys");
            return keys != null && keys.isArray() ? Optional.of(keys.size()) : Optional.empty();
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private JsonNode get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            if (connection.getResponseCode() != 200) {
                throw new IOException("status " + connection.getResponseCode());
            }
            try (InputStream body = connection.getInputStream()) {
                return mapper.readTree(body);
            }
        } finally {
            connection.disconnect();
        }
    }
}
