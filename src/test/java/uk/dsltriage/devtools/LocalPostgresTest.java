package uk.dsltriage.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL of ./run.sh keeps what it is given: fsync on, binaries beside the data, not in /tmp. */
class LocalPostgresTest {

    @TempDir
    Path local;

    @Test
    void theLocalServerIsDurableAndKeepsItsBinariesWhereItIsTold() throws Exception {
        File data = local.resolve("postgres").toFile();
        File binaries = local.resolve("postgres-binaries").toFile();
        assertTrue(data.mkdirs() && binaries.mkdirs());
        try (EmbeddedPostgres postgres = LocalPostgres.builder(data, binaries, 0).start();
                Connection c = postgres.getPostgresDatabase().getConnection()) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "synchronous_commit"));
            assertEquals("on", show(c, "full_page_writes"));
            try (Stream<Path> unpacked = Files.walk(binaries.toPath())) {
                assertTrue(unpacked.anyMatch(p -> p.getFileName().toString().equals("pg_ctl")),
                        "the binaries were not unpacked under " + binaries);
            }
        }
    }

    private static String show(Connection c, String setting) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
