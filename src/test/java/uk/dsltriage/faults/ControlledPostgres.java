package uk.dsltriage.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL server that the fault suite can stop and start again: Zonky's binaries (the same PostgreSQL as the
 * fast suite; they also run as root, which Debian's refuse), a fixed data directory and a fixed port, so a restart is
 * the same server with the same data. Stopping is {@code pg_ctl stop -m fast}: open connections are cut, as in a
 * real restart.
 */
final class ControlledPostgres implements AutoCloseable {

    private final Path data;
    private final Path binaries;
    private final int port;
    private EmbeddedPostgres running;

    ControlledPostgres(Path dir, int port) throws IOException {
        this.data = Files.createDirectories(dir.resolve("pgdata"));
        this.binaries = Files.createDirectories(dir.resolve("pg-binaries"));
        this.port = port;
    }

    synchronized void start() throws IOException {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        running = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                // Acknowledged means on disk: the claim under test is that no acknowledged write is lost.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "120")
                .start();
    }

    synchronized void stop() throws IOException {
        if (running != null) {
            try {
                running.close();
            } finally {
                running = null;
            }
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
