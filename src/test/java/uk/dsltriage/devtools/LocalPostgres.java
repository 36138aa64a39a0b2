package uk.dsltriage.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server from a jar for the README's run command: data kept in a local folder between runs, on
 * 127.0.0.1. Not part of the service; point DB_URL at a real server instead in any shared environment.
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        File data = new File(args.length > 0 ? args[0] : ".local/postgres");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        if (!data.exists() && !data.mkdirs()) {
            throw new IllegalStateException("cannot create " + data);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
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
        System.out.println("PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + " (data in " + data.getAbsolutePath() + ")");
        stopped.await();
    }
}
