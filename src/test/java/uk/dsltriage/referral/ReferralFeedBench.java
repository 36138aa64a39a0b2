package uk.dsltriage.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.referral.api.CreateReferralRequest;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * Benchmark (not part of the suite: the name does not end in Test). Drains 10,000 referrals from the feed page by
 * page over HTTP, and reads the same rows by one raw SQL query, in the same run; prints the medians and the ratio.
 * Run with bench/referral-feed/run.sh.
 */
@QuarkusTest
class ReferralFeedBench {

    private static final String AUTHORITY = "996";
    private static final int REFERRALS = Integer.getInteger("bench.referrals", 10_000);
    private static final int PAGE = Integer.getInteger("bench.page", 200);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    @Inject
    ReferralService schools;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/v1/la/referrals")
    URL feedUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void drainTheFeedVersusRawSql() throws Exception {
        long setup = System.nanoTime();
        String incident = ReferralFixtures.s47Incident(Persona.DSL_A);
        AccessScope dsl = new AccessScope(Tokens.ISSUER, "dsl-a", Fixtures.SCHOOL_A, null, Set.of("dsl"));
        // A few real referrals through the service (distinct children), then copies of them by SQL at the following
        // feed positions: sending 10,000 through the service takes many minutes on a shared 2-core machine, and the
        // feed reads (and decrypts) every copy the same way.
        int real = Math.min(REFERRALS, 50);
        for (int i = 0; i < real; i++) {
            schools.send(dsl, UUID.fromString(incident), mapper.convertValue(
                    ReferralFixtures.referral(AUTHORITY, "C-bench-" + i, "Given", "Family"), CreateReferralRequest.class).toCommand(), null);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into referral (id, incident_id, school_urn, la_code, kind, child_ref, urgency, content, created_by, "
                        + "created_at, acknowledgement_due_at, feed_position) "
                        + "select md5(random()::text || g)::uuid, r.incident_id, r.school_urn, r.la_code, r.kind, r.child_ref, r.urgency, "
                        + "r.content, r.created_by, r.created_at, r.acknowledgement_due_at, g "
                        + "from generate_series(?, ?) g join referral r on r.la_code = ? and r.feed_position = 1 + (g % ?)")) {
            s.setLong(1, real + 1);
            s.setLong(2, REFERRALS);
            s.setString(3, AUTHORITY);
            s.setLong(4, real);
            s.executeUpdate();
            try (PreparedStatement counter = c.prepareStatement("update la_feed_counter set last_position = ? where la_code = ?")) {
                counter.setLong(1, REFERRALS);
                counter.setString(2, AUTHORITY);
                counter.executeUpdate();
            }
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        long[] feed = new long[RUNS];
        long[] sql = new long[RUNS];
        long[] feedCpu = new long[RUNS];
        long[] sqlCpu = new long[RUNS];
        drainFeed();
        rawSql();
        for (int run = 0; run < RUNS; run++) {
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            int n = drainFeed();
            feed[run] = System.nanoTime() - t0;
            feedCpu[run] = cpuNanos() - cpu0;
            cpu0 = cpuNanos();
            t0 = System.nanoTime();
            int m = rawSql();
            sql[run] = System.nanoTime() - t0;
            sqlCpu[run] = cpuNanos() - cpu0;
            if (n != REFERRALS || m != REFERRALS) {
                throw new IllegalStateException("drained " + n + " by feed, " + m + " by SQL, expected " + REFERRALS);
            }
        }
        Arrays.sort(feed);
        Arrays.sort(sql);
        Arrays.sort(feedCpu);
        Arrays.sort(sqlCpu);
        double feedMs = feed[RUNS / 2] / 1e6;
        double sqlMs = sql[RUNS / 2] / 1e6;
        double feedCpuMs = feedCpu[RUNS / 2] / 1e6;
        double sqlCpuMs = sqlCpu[RUNS / 2] / 1e6;
        String report = String.format(
                "referrals=%d page=%d runs=%d setup(50 sent via service, the rest copied by SQL)=%.1fs%n"
                        + "feed over HTTP, page by page: median %.0f ms wall (min %.0f, max %.0f), CPU %.0f ms (min %.0f, max %.0f)%n"
                        + "raw SQL, same rows (referral join child_identity, ciphertext not decrypted): median %.0f ms wall "
                        + "(min %.0f, max %.0f), CPU %.0f ms (min %.0f, max %.0f)%n"
                        + "ratio feed/sql (median): wall %.2f, CPU %.2f%n"
                        + "CPU = this JVM (service, client, JIT and GC threads) + the PostgreSQL backends of this database%n"
                        + "load average at end: %s%n",
                REFERRALS, PAGE, RUNS, setupSeconds, feedMs, feed[0] / 1e6, feed[RUNS - 1] / 1e6,
                feedCpuMs, feedCpu[0] / 1e6, feedCpu[RUNS - 1] / 1e6,
                sqlMs, sql[0] / 1e6, sql[RUNS - 1] / 1e6, sqlCpuMs, sqlCpu[0] / 1e6, sqlCpu[RUNS - 1] / 1e6,
                feedMs / sqlMs, feedCpuMs / sqlCpuMs,
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("BENCH " + report.replace("\n", "\nBENCH "));
        Files.writeString(Path.of("target", "bench-referral-feed.txt"), report, StandardCharsets.UTF_8);
    }

    /**
     * A fresh token per drain (tokens live five minutes). The client is what an authority would run: plain HTTP and
     * Jackson, reading every item; RestAssured's Groovy JSON path, used before, spent ~80% of the measured time
     * parsing and pretty-printing on the client side (see RESULTS.md).
     */
    private int drainFeed() throws Exception {
        String token = Tokens.forLocalAuthority("bench-la", AUTHORITY, "la-officer");
        int count = 0;
        String cursor = "";
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(feedUrl + "?limit=" + PAGE + "&after=" + cursor))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> page = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("feed answered " + page.statusCode());
            }
            JsonNode body = mapper.readTree(page.body());
            JsonNode items = body.get("items");
            if (items.isEmpty()) {
                return count;
            }
            for (JsonNode item : items) {
                if (item.get("child").get("givenName").asText().isEmpty()) {
                    throw new IllegalStateException("an item without its child");
                }
                count++;
            }
            cursor = body.get("nextCursor").asText();
        }
    }

    /** CPU time of this JVM and of this database's PostgreSQL backends (the server processes doing the queries). */
    private long cpuNanos() throws Exception {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long ticks = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pid from pg_stat_activity where datname = current_database()")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ticks += backendTicks(rs.getInt(1));
                }
            }
        }
        return jvm + ticks * 10_000_000L; // USER_HZ is 100 on Linux: one tick is 10 ms
    }

    private static long backendTicks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // a backend that has exited since
        }
    }

    private int rawSql() throws Exception {
        int count = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select r.*, ci.given_name, ci.family_name, ci.date_of_birth, ci.details from referral r "
                        + "join child_identity ci on ci.school_urn = r.school_urn and ci.child_ref = r.child_ref "
                        + "where r.la_code = ? order by r.feed_position")) {
            s.setString(1, AUTHORITY);
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    count++;
                }
            }
        }
        return count;
    }
}
