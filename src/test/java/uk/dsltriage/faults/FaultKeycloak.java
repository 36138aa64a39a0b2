package uk.dsltriage.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The fault suite's own Keycloak (deploy/keycloak/keycloak.sh on 127.0.0.1:8280, home .local/keycloak-faults), which
 * the suite stops to take the identity provider away. The shared Keycloak on 8180 is never touched.
 */
final class FaultKeycloak {

    static final int PORT = 8280;
    static final String BASE_URL = "http://127.0.0.1:" + PORT;
    static final String ISSUER = BASE_URL + "/realms/dsl-triage";

    private final Path repo;
    private final Path log;

    FaultKeycloak(Path repo, Path logDir) {
        this.repo = repo;
        this.log = logDir.resolve("keycloak-sh.log");
    }

    boolean running() {
        return run("status", 30) == 0;
    }

    void start() {
        if (run("start", 420) != 0) {
            throw new IllegalStateException("Keycloak on " + PORT + " did not start; see " + log + " and "
                    + repo.resolve(".local/keycloak-faults/keycloak-" + PORT + ".log"));
        }
    }

    void stop() {
        if (run("stop", 120) != 0) {
            throw new IllegalStateException("Keycloak on " + PORT + " did not stop; run KC_PORT=" + PORT
                    + " KC_HOME=.local/keycloak-faults deploy/keycloak/keycloak.sh stop");
        }
    }

    private int run(String command, long timeoutSeconds) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("deploy/keycloak/keycloak.sh").toString(), command)
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("KC_PORT", Integer.toString(PORT));
            pb.environment().put("KC_HOME", repo.resolve(".local/keycloak-faults").toString());
            pb.environment().put("KC_START_TIMEOUT", "360");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return 124;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
