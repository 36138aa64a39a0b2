package uk.dsltriage.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}, prod profile) in its own JVM, its
 * console log in a file. Configured through the environment, as a deployment would be.
 */
final class ServiceInstance implements AutoCloseable {

    final String name;
    final int port;
    private final Path log;
    private final Process process;

    private ServiceInstance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceInstance start(String name, int port, Path jar, Path logDir, Map<String, String> env,
            Map<String, String> config) throws IOException {
        return start(name, port, jar, logDir, env, config, Set.of());
    }

    /** As {@link #start}, with variables of this JVM's environment that the instance must not inherit. */
    static ServiceInstance start(String name, int port, Path jar, Path logDir, Map<String, String> env,
            Map<String, String> config, Set<String> unset) throws IOException {
        Path log = logDir.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().keySet().removeAll(unset);
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        Process process = pb.start();
        // For .ci/run's clean-up should this JVM be killed before it stops the instance itself.
        Files.writeString(pidFile(logDir, name), Long.toString(process.pid()));
        return new ServiceInstance(name, port, log, process);
    }

    private static Path pidFile(Path logDir, String name) {
        return logDir.resolve(name + ".pid");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Waits (polling, bounded) until readiness answers 200; fails with the log's tail if the JVM exits first. */
    void awaitReady(Http http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log tail:\n" + tail(40));
            }
            if (http.get(base() + "/q/health/ready", null).status() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; log tail:\n" + tail(40));
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Files.deleteIfExists(pidFile(log.getParent(), name));
        } catch (IOException ignored) {
            // .ci/run checks the command line before it acts on a stale pid file
        }
    }
}
