package uk.dsltriage.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in the prod profile refuses to start without IDENTITY_MASTER_KEYS: the real jar, a throwaway
 * PostgreSQL, the deployment's environment minus the key. It must exit non-zero, say which variable is missing, and
 * never answer a request meanwhile. The same start with a key does answer, so the refusal is the key's and not a
 * broken set-up.
 */
class MissingMasterKeyIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(180);
    private static final String VARIABLE = "IDENTITY_MASTER_KEYS";

    private final Http http = new Http(Duration.ofSeconds(5));

    @Test
    void withoutAMasterKeyTheProdJarExitsNonZeroSayingWhyAndNeverServes() throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path jar = repo.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), "package first: " + jar + " (mvn verify runs this suite after package)");
        Path work = Files.createDirectories(repo.resolve("target/missing-master-key"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "DB_USER", "postgres", "DB_PASSWORD", "postgres"));

            int port = freePort();
            List<Integer> answered = new ArrayList<>();
            int exit;
            try (ServiceInstance refused = ServiceInstance.start("no-master-key", port, jar, work, env, Map.of(), Set.of(VARIABLE))) {
                long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
                while (refused.alive() && System.nanoTime() < deadline) {
                    int status = http.get(refused.base() + "/q/health/live", null).status();
                    if (status != Http.IO_ERROR) {
                        answered.add(status);
                    }
                    Thread.sleep(100);
                }
                assertFalse(refused.alive(), "still running after " + EXIT_TIMEOUT + "; log tail:\n" + refused.tail(40));
                exit = refused.exitValue();
                String log = refused.logText();
                assertNotEquals(0, exit, "exited 0; log tail:\n" + refused.tail(40));
                assertTrue(log.contains(VARIABLE) && log.contains("dsl-triage.identity.master-keys"),
                        "the log does not name the missing variable and property; log tail:\n" + refused.tail(40));
                assertFalse(log.contains("Listening on"), "the HTTP server was started; log tail:\n" + refused.tail(40));
            }
            assertEquals(List.of(), answered, "answered while refusing to start");

            // The control: the same jar, database and environment with a key answers requests.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put(VARIABLE, "it-" + port + ":" + Base64.getEncoder().encodeToString(key));
            try (ServiceInstance started = ServiceInstance.start("with-master-key", freePort(), jar, work, env, Map.of(), Set.of())) {
                long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
                int status = Http.IO_ERROR;
                while (status != 200 && started.alive() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    status = http.get(started.base() + "/q/health/live", null).status();
                }
                assertEquals(200, status, "with a master key the service did not serve; log tail:\n" + started.tail(40));
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
