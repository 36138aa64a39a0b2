package uk.dsltriage.referral.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prod profile's master-key configuration, read from the real application.properties the way Quarkus reads it at
 * startup (the mapping is validated before any bean exists, and {@link MasterKeys} is a startup bean): without
 * IDENTITY_MASTER_KEYS it refuses with a message naming the variable, and a malformed key is refused without being
 * shown.
 */
class ProdMasterKeyConfigTest {

    private static final String KEY = "prod-2026-12:" + "q".repeat(43) + "=";

    private static SmallRyeConfig prodConfig(Map<String, String> environment) throws IOException {
        URL properties = ProdMasterKeyConfigTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(IdentityKeyConfig.class)
                .build();
    }

    @Test
    void withoutIdentityMasterKeysTheProdProfileRefusesToStartAndSaysWhy() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> prodConfig(Map.of()));
        String message = messages(refused);
        assertTrue(message.contains("IDENTITY_MASTER_KEYS"), message);
        assertTrue(message.contains("dsl-triage.identity.master-keys"), message);
        // None of the development or test keys of the other profiles leaks into prod.
        assertFalse(message.contains("dev-only-not-secret") || message.contains("test-k1"), message);
    }

    @Test
    void withIdentityMasterKeysTheProdProfileHasThemInOrder() throws IOException {
        String older = "prod-2026-06:" + "w".repeat(43) + "=";
        IdentityKeyConfig config = prodConfig(Map.of("IDENTITY_MASTER_KEYS", older + "," + KEY)).getConfigMapping(IdentityKeyConfig.class);
        assertEquals(2, config.masterKeys().size());
        assertEquals("prod-2026-12", new MasterKeys(config).currentId(), "the last key wraps");
    }

    @Test
    void aMalformedKeyIsRefusedAtStartupWithoutItsMaterialInTheMessage() throws IOException {
        String secret = "c2VjcmV0LWJ1dC10b28tc2hvcnQ=";
        IdentityKeyConfig config = prodConfig(Map.of("IDENTITY_MASTER_KEYS", "prod-1:" + secret)).getConfigMapping(IdentityKeyConfig.class);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new MasterKeys(config));
        String message = messages(refused);
        assertTrue(message.contains("dsl-triage.identity.master-keys"), message);
        assertFalse(message.contains(secret), message);
        IdentityKeyConfig notBase64 = prodConfig(Map.of("IDENTITY_MASTER_KEYS", "prod-1:%%not-base64%%")).getConfigMapping(IdentityKeyConfig.class);
        assertFalse(messages(assertThrows(IllegalStateException.class, () -> new MasterKeys(notBase64))).contains("%%not-base64%%"));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null && all.length() < 10_000; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
