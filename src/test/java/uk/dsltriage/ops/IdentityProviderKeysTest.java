package uk.dsltriage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness of the identity provider's keys, against a small local OpenID provider that can be stopped. */
class IdentityProviderKeysTest {

    private HttpServer provider;
    private String realm;
    private final AtomicInteger jwksStatus = new AtomicInteger(200);
    private final AtomicInteger jwksCalls = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/test";
        provider.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + realm + "\",\"jwks_uri\":\"" + realm + "/certs\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.createContext("/realms/test/certs", exchange -> {
            jwksCalls.incrementAndGet();
            byte[] body = "{\"keys\":[{\"kid\":\"a\",\"kty\":\"RSA\"},{\"kid\":\"b\",\"kty\":\"RSA\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(jwksStatus.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private IdentityProviderKeys keys() {
        return new IdentityProviderKeys(realm, Duration.ofSeconds(2), Duration.ofMinutes(1), clock);
    }

    @Test
    void readyWhenTheKeysCanBeFetched() {
        IdentityProviderKeys.State state = keys().check();
        assertTrue(state.available());
        assertEquals(2, state.keys());
        assertEquals("fetched", state.source());
    }

    @Test
    void notReadyWhenNoKeysCanBeFetchedAndNoneAreCached() {
        jwksStatus.set(503);
        assertFalse(keys().check().available());
        provider.stop(0);
        assertFalse(keys().check().available());
    }

    @Test
    void keysOnceFetchedKeepItReadyWhileTheProviderIsAway() {
        IdentityProviderKeys keys = keys();
        assertTrue(keys.check().available());
        provider.stop(0);
        clock.advance(Duration.ofMinutes(5));
        IdentityProviderKeys.State state = keys.check();
        assertTrue(state.available());
        assertTrue(state.source().startsWith("cached"), state.source());
    }

    @Test
    void probesDoNotLoadTheProviderWithinTheRefreshInterval() {
        IdentityProviderKeys keys = keys();
        for (int i = 0; i < 5; i++) {
            assertTrue(keys.check().available());
        }
        assertEquals(1, jwksCalls.get());
        clock.advance(Duration.ofMinutes(2));
        keys.check();
        assertEquals(2, jwksCalls.get());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
