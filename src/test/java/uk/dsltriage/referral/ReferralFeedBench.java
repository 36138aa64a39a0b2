package uk.dsltriage.referral;

import com.google.crypto.tink.Aead;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.net.HttpURLConnection;
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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.UUID;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import uk.dsltriage.referral.api.CreateReferralRequest;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.referral.identity.SchoolDataKeys;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;
import uk.dsltriage.support.Tokens;

/**
 * Benchmark (not part of the suite: the name does not end in Test). Drains 10,000 referrals from the feed page by
 * page over HTTP, and reads the same rows by one raw SQL query (the feed query's columns; once with the child identity
 * still encrypted, once decrypted as the feed must), in the same run; prints the medians and the ratios.
 * Run with bench/referral-feed/run.sh.
 */
@QuarkusTest
class ReferralFeedBench {

    private static final String AUTHORITY = "996";
    private static final String LEGACY_AUTHORITY = "994";
    private static final int REFERRALS = Integer.getInteger("bench.referrals", 10_000);
    private static final int PAGE = Integer.getInteger("bench.page", 1000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    /**
     * Rounds of every side before the measured runs. Five (the default before stop 22) left the per-request path to
     * the JIT during the measured drains (250 feed requests, far fewer than C2 needs); 60 rounds measure a running
     * service at 200 a page (RESULTS.md, stop 21). At 1000 a page a drain is 11 requests, not 51: 60 rounds were 660
     * requests, and C2 still compiled per-request code for the first time during the measured drains; 200 rounds are
     * 2,200 (RESULTS.md, stop 25).
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    /** Warm-up rounds that collect before each side, as every measured run does. */
    private static final int GC_WARMUP_ROUNDS = 20;
    /** -Dbench.jfr=target/feed.jfr: a JFR recording (settings "profile") of the measured runs only, after the warm-up. */
    private static final String JFR = System.getProperty("bench.jfr", "");

    /** -Dbench.explain=target/feed-explain: EXPLAIN (ANALYZE, BUFFERS) of the raw read and of page queries, written to files. */
    private static final String EXPLAIN = System.getProperty("bench.explain", "");

    @Inject
    ReferralService schools;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchoolDataKeys keys;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/v1/la/referrals")
    URL feedUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void drainTheFeedVersusRawSql() throws Exception {
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();
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
                "insert into referral (id, incident_id, school_urn, la_code, kind, child_ref, urgency, content, form_json, "
                        + "created_by, created_at, acknowledgement_due_at, feed_position) "
                        + "select md5(random()::text || g)::uuid, r.incident_id, r.school_urn, r.la_code, r.kind, r.child_ref, r.urgency, "
                        + "r.content, r.form_json, r.created_by, r.created_at, r.acknowledgement_due_at, g "
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
            // The same referrals again, to another authority, as sent before V15 (no form_json): the feed parses and
            // writes those forms again, as it did for every referral before: "before" and "after" in the same run.
            try (PreparedStatement legacy = c.prepareStatement("insert into referral (id, incident_id, school_urn, la_code, "
                    + "kind, child_ref, urgency, content, created_by, created_at, acknowledgement_due_at, feed_position) "
                    + "select md5(random()::text || feed_position)::uuid, incident_id, school_urn, ?, kind, child_ref, urgency, "
                    + "content, created_by, created_at, acknowledgement_due_at, feed_position from referral where la_code = ?");
                    PreparedStatement counter = c.prepareStatement("insert into la_feed_counter (la_code, last_position) values (?, ?)")) {
                legacy.setString(1, LEGACY_AUTHORITY);
                legacy.setString(2, AUTHORITY);
                legacy.executeUpdate();
                counter.setString(1, LEGACY_AUTHORITY);
                counter.setLong(2, REFERRALS);
                counter.executeUpdate();
            }
        }
        if (!EXPLAIN.isEmpty()) {
            explain(Path.of(EXPLAIN + "-before-vacuum.txt"));
        }
        // A settled database, as autovacuum leaves a live one: without statistics the planner guesses 55 of the
        // authority's rows and plans both sides for that (RESULTS.md, stop 24), and autovacuum's analyze would come
        // at some point during the warm-up or the measured runs, changing the plans under the bench.
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("vacuum analyze referral, child_identity, school_data_key");
        }
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        if (!EXPLAIN.isEmpty()) {
            explain(Path.of(EXPLAIN + "-before-warmup.txt"));
        }

        // The raw side reads what the feed must send: the columns of the feed's query, every value through JDBC,
        // and (the main comparison) the child identity decrypted with the same Tink primitive, as the feed must.
        Aead schoolKey = QuarkusTransaction.requiringNew().call(() -> keys.existingForSchool(Fixtures.SCHOOL_A).orElseThrow());
        // -Dbench.legacy=false leaves out the before-V15 drain (a profile of the stored-form feed alone).
        int sides = Boolean.parseBoolean(System.getProperty("bench.legacy", "true")) ? 4 : 3;
        long[][] wall = new long[sides][RUNS];
        long[][] cpu = new long[sides][RUNS];
        // Warm-up until the JIT has compiled both paths: with one warm-up drain the C2 compiler threads took about
        // half of the measured CPU (JFR, RESULTS.md), which measures start-up, not a running service.
        for (int i = 0; i < WARMUP; i++) {
            for (int side = 0; side < sides; side++) {
                // The last warm-up rounds collect before each side as the measured runs do: after a full collection
                // Netty's buffer pools and Vert.x took branches the JIT had compiled away, and C2 deoptimised and
                // compiled them again inside the measured drains (LogCompilation, RESULTS.md stop 28).
                if (i >= WARMUP - GC_WARMUP_ROUNDS) {
                    System.gc();
                }
                // The measured runs' CPU accounting around every side here too: run only in the measured runs, its
                // code (a /proc read and a regex per thread) reached C2's thresholds there, and C2 compiled it during
                // the measured drains, ~20-50 ms of every side's CPU (RESULTS.md, stop 25).
                cpuByThreadGroup();
                jitNanos();
                cpuNanos();
                runSide(side, schoolKey);
                cpuNanos();
                jitNanos();
                cpuByThreadGroup();
            }
        }
        long[][] jit = new long[sides][RUNS];
        long[][] own = new long[sides][RUNS];
        @SuppressWarnings("unchecked")
        java.util.Map<String, long[]>[] byThread = new java.util.Map[sides];
        for (int side = 0; side < sides; side++) {
            byThread[side] = new java.util.TreeMap<>();
        }
        if (!EXPLAIN.isEmpty()) {
            explain(Path.of(EXPLAIN + "-after-warmup.txt"));
        }
        Recording recording = JFR.isEmpty() ? null : new Recording(Configuration.getConfiguration("profile"));
        if (recording != null) {
            recording.start();
        }
        for (int run = 0; run < RUNS; run++) {
            for (int side = 0; side < sides; side++) {
                System.gc(); // not measured: no side pays for the garbage of the one before
                java.util.Map<String, Long> threads0 = cpuByThreadGroup();
                long jit0 = jitNanos();
                long own0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long cpu0 = cpuNanos();
                long t0 = System.nanoTime();
                int n = runSide(side, schoolKey);
                wall[side][run] = System.nanoTime() - t0;
                cpu[side][run] = cpuNanos() - cpu0;
                jit[side][run] = jitNanos() - jit0;
                own[side][run] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - own0;
                java.util.Map<String, Long> threads1 = cpuByThreadGroup();
                for (java.util.Map.Entry<String, Long> group : threads1.entrySet()) {
                    byThread[side].computeIfAbsent(group.getKey(), g -> new long[RUNS])[run] =
                            group.getValue() - threads0.getOrDefault(group.getKey(), 0L);
                }
                if (n != REFERRALS) {
                    throw new IllegalStateException("side " + side + " read " + n + " referrals, expected " + REFERRALS);
                }
            }
        }
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(JFR));
            recording.close();
        }
        String[] names = {"feed over HTTP, page by page", "raw SQL, the feed's columns, identity still encrypted",
                "raw SQL, the feed's columns, identity decrypted (one AEAD value a row, as the feed)",
                "feed over HTTP, the same referrals as sent before V15 (each form parsed and written again, as before)"};
        StringBuilder report = new StringBuilder(String.format(
                "referrals=%d page=%d runs=%d warm-up rounds=%d client=%s setup(50 sent via service, the rest copied by SQL)=%.1fs%n"
                        + "load average at start: %s%n",
                REFERRALS, PAGE, RUNS, WARMUP, CLIENT, setupSeconds, loadAtStart));
        double[] wallMedian = new double[sides];
        double[] cpuMedian = new double[sides];
        for (int side = 0; side < sides; side++) {
            Arrays.sort(wall[side]);
            Arrays.sort(cpu[side]);
            wallMedian[side] = wall[side][RUNS / 2] / 1e6;
            cpuMedian[side] = cpu[side][RUNS / 2] / 1e6;
            Arrays.sort(jit[side]);
            Arrays.sort(own[side]);
            report.append(String.format("%s: median %.0f ms wall (min %.0f, max %.0f), CPU %.0f ms (min %.0f, max %.0f), "
                    + "of which JIT compiler threads %.0f ms, the bench's own thread (the HTTP client and its JSON parse, or "
                    + "the JDBC read) %.0f ms%n",
                    names[side], wallMedian[side], wall[side][0] / 1e6, wall[side][RUNS - 1] / 1e6,
                    cpuMedian[side], cpu[side][0] / 1e6, cpu[side][RUNS - 1] / 1e6, jit[side][RUNS / 2] / 1e6,
                    own[side][RUNS / 2] / 1e6));
        }
        for (int side = 0; side < sides; side++) {
            StringBuilder split = new StringBuilder();
            for (java.util.Map.Entry<String, long[]> group : byThread[side].entrySet()) {
                long[] runs = group.getValue().clone();
                Arrays.sort(runs);
                if (runs[RUNS / 2] >= 500_000) {
                    split.append(String.format(" %s %.1f,", group.getKey(), runs[RUNS / 2] / 1e6));
                }
            }
            report.append(String.format("  CPU by thread group (median ms, schedstat): %s%n", split));
        }
        report.append(String.format("ratio feed / raw SQL with decryption (the target, <= 2): wall %.2f, CPU %.2f%n",
                wallMedian[0] / wallMedian[2], cpuMedian[0] / cpuMedian[2]));
        report.append(String.format("ratio feed / raw SQL without decryption: wall %.2f, CPU %.2f%n",
                wallMedian[0] / wallMedian[1], cpuMedian[0] / cpuMedian[1]));
        if (sides == 4) {
            report.append(String.format("ratio feed before V15 (form parsed and written) / raw SQL with decryption: wall %.2f, CPU %.2f%n",
                    wallMedian[3] / wallMedian[2], cpuMedian[3] / cpuMedian[2]));
        }
        report.append(String.format("CPU = this JVM (service, client, JIT and GC threads) + the PostgreSQL backends of this database%n"
                + "load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim()));
        System.out.println("BENCH " + report.toString().replace("\n", "\nBENCH "));
        Files.writeString(Path.of("target", "bench-referral-feed.txt"), report, StandardCharsets.UTF_8);
    }

    /** One side of the comparison, by its index in the report: the referrals it read. */
    private int runSide(int side, Aead schoolKey) throws Exception {
        return switch (side) {
            case 0 -> drainFeed(AUTHORITY);
            case 1 -> rawSql(null);
            case 2 -> rawSql(schoolKey);
            default -> drainFeed(LEGACY_AUTHORITY);
        };
    }

    /**
     * A fresh token per drain (tokens live five minutes). The client is what an authority would run: a JDK HTTP
     * client and Jackson, reading every value of every item as it streams past (each string as a String, each number
     * and boolean as one), as the raw side reads every column through JDBC; it checks that every item has its child's
     * given name. Clients ({@code -Dbench.client}):
     * <ul>
     * <li>{@code blocking} (the default since stop 23): {@link HttpURLConnection} on one kept-alive connection,
     * parsed straight from the response stream on this thread, as the raw side reads its socket through JDBC;</li>
     * <li>{@code httpclient} (stop 22): {@link HttpClient}, each page fetched as bytes, then parsed the same way;
     * its selector and worker threads hand every 16 KB buffer between three threads;</li>
     * <li>{@code tree} (stops 20-21): {@link HttpClient}, each page read into a Jackson tree.</li>
     * </ul>
     * RestAssured's Groovy JSON path, used before, spent ~80% of the measured time on the client side (RESULTS.md).
     */
    private int drainFeed(String authority) throws Exception {
        String token = Tokens.forLocalAuthority("bench-la", authority, "la-officer");
        Set<String> ids = new HashSet<>(REFERRALS * 2);
        if ("pipelined".equals(CLIENT)) {
            return drainPipelined(token, ids);
        }
        int count = 0;
        String cursor = "";
        while (true) {
            PageRead read = switch (CLIENT) {
                case "blocking" -> readBlocking(feedUrl + "?limit=" + PAGE + "&after=" + cursor, token, ids);
                case "httpclient", "tree" -> readHttpClient(feedUrl + "?limit=" + PAGE + "&after=" + cursor, token);
                default -> throw new IllegalArgumentException("bench.client is pipelined, blocking, httpclient or tree");
            };
            if (read.items() == 0) {
                return count;
            }
            count += read.items();
            cursor = read.nextCursor();
        }
    }

    /**
     * One request in flight ahead: as soon as a page's headers are in, its {@code Link: rel="next"} (on a full page)
     * is requested on a second kept-alive connection by another thread, while this thread parses the page to its end,
     * every value as the blocking client does. The body's nextCursor must be the Link's cursor; every id is checked
     * to come once, and the drain to count every referral (no gap, no duplicate). Without a Link (a shorter page,
     * or the end), the next page is asked for by nextCursor after the parse, as the blocking client does.
     */
    private int drainPipelined(String token, Set<String> ids) throws Exception {
        Future<HttpURLConnection> next = AHEAD.submit(() -> open(feedUrl + "?limit=" + PAGE + "&after=", token));
        int count = 0;
        while (true) {
            HttpURLConnection page = next.get();
            String link = page.getHeaderField("Link");
            String linkCursor = null;
            if (link != null) {
                String target = feedUrl.toURI().resolve(link.substring(link.indexOf('<') + 1, link.indexOf('>'))).toString();
                linkCursor = target.substring(target.indexOf("after=") + "after=".length(), target.indexOf("&limit="));
                next = AHEAD.submit(() -> open(target, token));
            }
            PageRead read;
            try (InputStream body = page.getInputStream(); JsonParser json = mapper.getFactory().createParser(body)) {
                read = readStreaming(json, ids);
            }
            if (read.items() == 0) {
                if (link != null) {
                    throw new IllegalStateException("an empty page with a next link");
                }
                return count;
            }
            count += read.items();
            if (link == null) {
                String cursor = read.nextCursor();
                next = AHEAD.submit(() -> open(feedUrl + "?limit=" + PAGE + "&after=" + cursor, token));
            } else if (!linkCursor.equals(read.nextCursor())) {
                throw new IllegalStateException("the Link's cursor is not the page's nextCursor");
            }
        }
    }

    private static final java.util.concurrent.ExecutorService AHEAD = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "bench-client-ahead");
                thread.setDaemon(true);
                return thread;
            });

    /** The request sent and its response's headers read; the body is left to the caller. */
    private static HttpURLConnection open(String url, String token) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Accept", "application/json");
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("feed answered " + connection.getResponseCode());
        }
        return connection;
    }

    private PageRead readHttpClient(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> page = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("feed answered " + page.statusCode());
        }
        if ("tree".equals(CLIENT)) {
            return readTree(page.body());
        }
        try (JsonParser json = mapper.getFactory().createParser(page.body())) {
            return readStreaming(json, null);
        }
    }

    /** The JDK keeps the connection alive between pages once each body has been read to its end and closed. */
    private PageRead readBlocking(String url, String token, Set<String> ids) throws Exception {
        HttpURLConnection connection = open(url, token);
        // The parse runs to the end of the body (Content-Length), where the parser closes the stream.
        try (InputStream body = connection.getInputStream(); JsonParser json = mapper.getFactory().createParser(body)) {
            return readStreaming(json, ids);
        }
    }

    private static final String CLIENT = System.getProperty("bench.client", "pipelined");

    private record PageRead(int items, String nextCursor) {
    }

    /** Keeps the values read reachable, so that the JIT cannot drop the reading of them. */
    private long sink;

    /**
     * Every value of the page, streamed: {"items":[{"id":..., "child":{"givenName":...}, "form":{...}}], "nextCursor":...};
     * with {@code ids}, each item's id must be new to the drain.
     */
    private PageRead readStreaming(JsonParser json, Set<String> ids) throws java.io.IOException {
        int items = 0;
        int childrenNamed = 0;
        String next = null;
        int level = 0;
        for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    level++;
                    if (level == 3 && token == JsonToken.START_OBJECT) {
                        items++; // root object 1, items 2, an item 3
                    }
                }
                case END_OBJECT, END_ARRAY -> level--;
                case VALUE_STRING -> {
                    String value = json.getText();
                    sink += value.length();
                    if (level == 1 && "nextCursor".equals(json.currentName())) {
                        next = value;
                    } else if (level == 3 && ids != null && "id".equals(json.currentName()) && !ids.add(value)) {
                        throw new IllegalStateException("a referral twice in one drain");
                    } else if (level == 4 && "givenName".equals(json.currentName())
                            && "child".equals(json.getParsingContext().getParent().getCurrentName()) && !value.isEmpty()) {
                        childrenNamed++;
                    }
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> sink += json.getNumberValue().hashCode();
                case VALUE_TRUE, VALUE_FALSE -> sink += json.getBooleanValue() ? 1 : 0;
                default -> {
                    // field names and nulls: nothing to read
                }
            }
        }
        if (childrenNamed != items || next == null) {
            throw new IllegalStateException("a page without its cursor, or an item without its child");
        }
        return new PageRead(items, next);
    }

    private PageRead readTree(byte[] body) throws java.io.IOException {
        JsonNode page = mapper.readTree(body);
        JsonNode items = page.get("items");
        for (JsonNode item : items) {
            if (item.get("child").get("givenName").asText().isEmpty()) {
                throw new IllegalStateException("an item without its child");
            }
        }
        return new PageRead(items.size(), page.get("nextCursor").asText());
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

    /**
     * CPU time on the scheduler's clock (/proc schedstat, nanoseconds) of this JVM's threads by name, numbers dropped
     * (the service's executor and event-loop threads, the client's, the JIT's, the GC's), and of this database's
     * PostgreSQL backends: where a drain's CPU goes.
     */
    private java.util.Map<String, Long> cpuByThreadGroup() throws Exception {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[-#]?[0-9]+$", "");
                    groups.merge(name, schedNanos(task), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // a thread that has exited since
                }
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pid from pg_stat_activity where datname = current_database()")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    try {
                        groups.merge("postgres backends", schedNanos(Path.of("/proc", Integer.toString(rs.getInt(1)))), Long::sum);
                    } catch (java.io.IOException | RuntimeException e) {
                        // a backend that has exited since
                    }
                }
            }
        }
        return groups;
    }

    private static long schedNanos(Path task) throws java.io.IOException {
        return Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
    }

    /** CPU time of this JVM's JIT compiler threads (C1/C2), from /proc: included in the CPU figure, shown apart. */
    private static long jitNanos() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // a compiler thread that has exited since
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
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

    private void explain(Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            out.append("autocommit=").append(c.getAutoCommit()).append('\n');
            for (String table : new String[] {"referral", "child_identity", "school_data_key"}) {
                try (PreparedStatement s = c.prepareStatement("select n_live_tup, n_dead_tup, last_analyze, last_autoanalyze, "
                        + "last_autovacuum, last_vacuum from pg_stat_user_tables where relname = ?")) {
                    s.setString(1, table);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.append(table).append(": live ").append(rs.getLong(1)).append(" dead ").append(rs.getLong(2))
                                    .append(" analyze ").append(rs.getObject(3)).append(" autoanalyze ").append(rs.getObject(4))
                                    .append(" autovacuum ").append(rs.getObject(5)).append(" vacuum ").append(rs.getObject(6)).append('\n');
                        }
                    }
                }
            }
            for (String setting : new String[] {"work_mem", "shared_buffers", "autovacuum", "jit", "random_page_cost"}) {
                try (PreparedStatement s = c.prepareStatement("select current_setting(?)")) {
                    s.setString(1, setting);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        out.append(setting).append('=').append(rs.getString(1)).append('\n');
                    }
                }
            }
            explainOne(c, out, "raw read", ReferralRepository.FEED_ROWS + " order by r.feed_position", AUTHORITY, null, null);
            explainOne(c, out, "raw read, no order", ReferralRepository.FEED_ROWS, AUTHORITY, null, null);
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local max_parallel_workers_per_gather = 0");
            }
            explainOne(c, out, "raw read, no parallel workers", ReferralRepository.FEED_ROWS + " order by r.feed_position", AUTHORITY, null, null);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("set local enable_sort = off");
            }
            explainOne(c, out, "raw read, no parallel workers, no sort", ReferralRepository.FEED_ROWS + " order by r.feed_position", AUTHORITY, null, null);
            c.rollback();
            c.setAutoCommit(true);
            explainOne(c, out, "page 1", ReferralRepository.FEED_PAGE, AUTHORITY, 0L, PAGE);
            explainOne(c, out, "page in the middle", ReferralRepository.FEED_PAGE, AUTHORITY, (long) REFERRALS / 2, PAGE);
            explainOne(c, out, "page in the middle, the page query before stop 24 (joined, then cut)", PAGE_BEFORE_STOP_24,
                    AUTHORITY, (long) REFERRALS / 2, PAGE);
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    private static final String PAGE_BEFORE_STOP_24 = ReferralRepository.FEED_ROWS
            + " and r.feed_position > ? order by r.feed_position limit ?";

    /**
     * The plan with row counts and buffers, without per-node timing (its clock reads cost more than the nodes here:
     * the page query's hash of 10,000 rows "took" 130 ms with timing on), then the query's own time through JDBC,
     * every row read: the median of 5.
     */
    private static void explainOne(Connection c, StringBuilder out, String title, String sql, String authority, Long after,
            Integer limit) throws Exception {
        out.append("\n== ").append(title).append('\n');
        try (PreparedStatement s = c.prepareStatement("explain (analyze, buffers, timing off, settings) " + sql)) {
            bind(s, authority, after, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        }
        long[] times = new long[5];
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, authority, after, limit);
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getObject(col);
                        }
                    }
                }
                times[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(times);
        out.append(String.format("through JDBC, every row read: median %.1f ms of 5 (min %.1f, max %.1f)%n",
                times[2] / 1e6, times[0] / 1e6, times[4] / 1e6));
    }

    private static void bind(PreparedStatement s, String authority, Long after, Integer limit) throws Exception {
        s.setString(1, authority);
        if (after != null) {
            s.setLong(2, after);
            s.setInt(3, limit);
        }
    }

    /**
     * The feed query's columns for every referral of the authority, in feed order, in one query (the identity as the
     * feed reads it: the one sealed value, or the four values where it is missing); decrypted too when given a key,
     * as the feed must: the one value, with the vault's associated data (a drift fails the decryption, loudly).
     */
    private int rawSql(Aead schoolKey) throws Exception {
        int count = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement settings = c.createStatement()) {
                // The fastest plan of these rows in feed order: the (la_code, feed_position) index, nested loops, rows
                // streamed as they are found. PostgreSQL's own choice once the tables are analyzed is a parallel scan
                // with a 16 MB sort spilled to disk (work_mem 4 MB) before the first row: about twice the time, and
                // its parallel workers' CPU escapes this bench's count (RESULTS.md, stop 24).
                settings.execute("set local max_parallel_workers_per_gather = 0");
                settings.execute("set local enable_sort = off");
            }
            try (PreparedStatement s = c.prepareStatement(ReferralRepository.FEED_ROWS + " order by r.feed_position")) {
                s.setString(1, AUTHORITY);
                try (ResultSet rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    Object[] row = new Object[columns];
                    while (rs.next()) {
                        for (int i = 0; i < columns; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        if (schoolKey != null) {
                            if (row[11] == null) {
                                throw new IllegalStateException("the bench's identities are sealed as one value (V16)");
                            }
                            schoolKey.decrypt((byte[]) row[11],
                                    ("dsl-triage/child-identity/v2|" + row[9] + "|" + row[4]).getBytes(StandardCharsets.UTF_8));
                        }
                        count++;
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return count;
    }
}
