package uk.dsltriage.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server from a jar for the README's run command: data kept in a local folder between runs, on
 * 127.0.0.1. Not part of the service; point DB_URL at a real server instead in any shared environment.
 */
public final class LocalPostgres {

    /**
     * The README promises that the data is kept, so every commit is flushed to disk: the embedded server's defaults
     * (chosen for throw-away test databases) would lose the last commits on a crash.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private LocalPostgres() {
    }

    /** Binaries are unpacked beside the data (under .local/), not in the shared, world-readable /tmp. */
    static EmbeddedPostgres.Builder builder(File data, File binaries, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries)
                .setPort(port);
        DURABLE.forEach(builder::setServerConfig);
        return builder;
    }

    public static void main(String[] args) throws Exception {
        File data = new File(args.length > 0 ? args[0] : ".local/postgres");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        File binaries = new File(args.length > 2 ? args[2] : new File(data.getAbsoluteFile().getParentFile(), "postgres-binaries").getPath());
        for (File dir : new File[] {data, binaries}) {
            if (!dir.exists() && !dir.mkdirs()) {
                throw new IllegalStateException("cannot create " + dir);
            }
        }
        EmbeddedPostgres postgres = builder(data, binaries, port).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getClass().getSimpleName());
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + " (data in " + data.getAbsolutePath()
                + ", binaries in " + binaries.getAbsolutePath() + ")");
        stopped.await();
    }
}
