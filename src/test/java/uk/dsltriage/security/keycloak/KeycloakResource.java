package uk.dsltriage.security.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak (deploy/keycloak/keycloak.sh: Keycloak 26.5.6 from Maven Central, both realms imported fresh) for the
 * integration suite, and the configuration that makes the application validate its tokens for real: discovery and JWKS
 * from the dsl-triage realm instead of the fast suite's local test key.
 *
 * <p>A Keycloak that is already running (and ready) is reused and left running; one started here is stopped in
 * {@link #stop()}. The embedded PostgreSQL still comes from the global resource.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String BASE_URL = "http://127.0.0.1:8180";
    public static final String REALM = "dsl-triage";
    public static final String ISSUER = BASE_URL + "/realms/" + REALM;

    /** Longer than keycloak.sh's own readiness wait (KC_START_TIMEOUT, set below), so the script decides. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 420;
    private static final String START_TIMEOUT_SECONDS = "300";

    private boolean startedHere;

    @Override
    public Map<String, String> start() {
        long t0 = System.nanoTime();
        startedHere = run("status", 30) != 0;
        if (startedHere) {
            say("starting Keycloak with " + script() + " start (first use downloads the dist from Maven Central) ...");
            if (run("start", SCRIPT_TIMEOUT_SECONDS) != 0) {
                throw new IllegalStateException("Keycloak did not start; see .local/keycloak/keycloak-8180.log "
                        + "(deploy/keycloak/keycloak.sh logs)");
            }
            say("Keycloak ready after " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) + " s");
        } else {
            say("reusing the Keycloak already running at " + BASE_URL + " (it will be left running)");
        }
        return Map.of(
                "quarkus.oidc.auth-server-url", ISSUER,
                // Clears %test.quarkus.oidc.public-key (the fast suite's local key): an empty value from this
                // higher-ordinal source wins over the profiled one and reads as "not set". RealTokenIT asserts it.
                "quarkus.oidc.public-key", "");
    }

    @Override
    public void stop() {
        if (startedHere) {
            say("stopping the Keycloak started for this suite ...");
            if (run("stop", 120) != 0) {
                say("WARNING: keycloak.sh stop failed; run deploy/keycloak/keycloak.sh stop");
            }
        }
    }

    static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("deploy/keycloak/keycloak.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("deploy/keycloak/keycloak.sh not found above " + dir);
    }

    private static Path script() {
        return repoRoot().resolve("deploy/keycloak/keycloak.sh");
    }

    /**
     * Runs one keycloak.sh command. Its output is copied through System.out (not inherited): the forked test JVM's
     * native stdout is the surefire/failsafe channel. `start` detaches the server, so the pipe closes once it is ready.
     */
    private static int run(String command, long timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script().toString(), command)
                    .directory(repoRoot().toFile())
                    .redirectErrorStream(true);
            pb.environment().putIfAbsent("KC_START_TIMEOUT", START_TIMEOUT_SECONDS);
            Process p = pb.start();
            p.getOutputStream().close();
            Thread pump = new Thread(() -> {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        System.out.println(line);
                    }
                } catch (IOException ignored) {
                    // process gone
                }
            }, "keycloak.sh-" + command);
            pump.setDaemon(true);
            pump.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                say("keycloak.sh " + command + " did not finish within " + timeoutSeconds + " s");
                return 124;
            }
            pump.join(2000);
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void say(String line) {
        System.out.println("[KeycloakResource] " + line);
    }
}
