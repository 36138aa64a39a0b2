package uk.dsltriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Records written before authors became issuer + subject are rewritten once, so staff keep seeing their own. */
class LegacyAuthorBackfillTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/dsl-triage";

    @Test
    void bareSubjectsGainTheIssuerAndActorsAreLeftAlone() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Flyway before = flyway(pg, "3");
            before.migrate();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute(insertIncident("11111111-1111-1111-1111-111111111111", "staff-a"));
                s.execute(insertIncident("22222222-2222-2222-2222-222222222222", ISSUER + " staff-b"));
                s.execute("insert into incident_addendum (id, incident_id, sequence, recorded_by, recorded_at, account)"
                        + " values ('33333333-3333-3333-3333-333333333333', '11111111-1111-1111-1111-111111111111',"
                        + " 1, 'dsl-a', now(), 'later')");
            }

            flyway(pg, "3.1").migrate();

            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                assertEquals(ISSUER + " staff-a", author(s, "select recorded_by from incident where id = '11111111-1111-1111-1111-111111111111'"));
                assertEquals(ISSUER + " staff-b", author(s, "select recorded_by from incident where id = '22222222-2222-2222-2222-222222222222'"));
                assertEquals(ISSUER + " dsl-a", author(s, "select recorded_by from incident_addendum"));
                // the append-only guards are back in force after the migration
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> s.execute("update incident set recorded_by = 'x'"));
            }
        }
    }

    private static Flyway flyway(EmbeddedPostgres pg, String target) {
        return Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration")
                .placeholders(Map.of("legacy_issuer", ISSUER)).target(target).load();
    }

    private static String insertIncident(String id, String author) {
        return "insert into incident (id, school_urn, status, recorded_by, recorded_at, occurred_at, location, account, facts)"
                + " values ('" + id + "', '100001', 'AWAITING_DSL_REVIEW', '" + author + "', now(), now(), 'ON_SITE',"
                + " 'an account', '{}')";
    }

    private static String author(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
