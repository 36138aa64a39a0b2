package uk.dsltriage.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** What an operator watches: domain metrics, the dashboard built on them, readiness, and correlated log lines. */
@QuarkusTest
class OperatorViewTest {

    private static final Path DASHBOARD = Path.of("deploy/grafana/dsl-triage-dashboard.json");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "irate", "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "offset", "bool", "topk", "bottomk");

    enum TestOutcome { NO_FURTHER_ACTION }

    @Inject
    DomainMetrics metrics;

    @Inject
    MeterRegistry registry;

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        String id = recordAnIncident();
        Persona.STAFF_A.request().body(Fixtures.incident("It was sent from https://example.com/x/y.jpg to the class chat."))
                .post("/api/v1/incidents").then().statusCode(422);
        // No capability records decisions yet: the review capability will call this, as the test does here.
        metrics.decisionRecorded(TestOutcome.NO_FURTHER_ACTION);

        String exposed = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> queried = metricNamesQueriedBy(new ObjectMapper().readTree(Files.readString(DASHBOARD)));
        assertTrue(queried.size() >= 8, "the dashboard queries too few metrics: " + queried);
        List<String> missing = new ArrayList<>();
        for (String name : queried) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(exposed).find()) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "the dashboard queries metrics the service does not expose");
        assertTrue(exposed.contains("dsltriage_image_refusals_total{reason=\"URL\"}"), "the refusal was not counted by reason");
        assertFalse(exposed.contains(id), "a metric carries an incident id");
        assertFalse(exposed.contains(Fixtures.SCHOOL_A), "a metric carries a school");
        assertFalse(exposed.contains("staff-a"), "a metric carries a user");
    }

    @Test
    void aRolledBackTransactionCountsNothing() {
        double before = registry.counter(DomainMetrics.INCIDENTS_RECORDED).count();
        // A rollback-only transaction is reported by an exception at its end; the count must not be taken.
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            metrics.incidentRecorded();
            QuarkusTransaction.setRollbackOnly();
        }));
        assertEquals(before, registry.counter(DomainMetrics.INCIDENTS_RECORDED).count());
        QuarkusTransaction.requiringNew().run(metrics::incidentRecorded);
        assertEquals(before + 1, registry.counter(DomainMetrics.INCIDENTS_RECORDED).count());
    }

    @Test
    void reportedGaugesAreExposed() {
        metrics.overdueTasks(3);
        metrics.referralFeedLag(java.time.Duration.ofSeconds(90));
        String exposed = given().get("/q/metrics").then().extract().asString();
        assertTrue(exposed.contains("dsltriage_tasks_overdue 3.0"), exposed);
        assertTrue(exposed.contains("dsltriage_referral_feed_lag_seconds 90.0"), exposed);
    }

    @Test
    void readinessReportsTheDatabaseAndTheIdentityProviderCheck() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                // This suite verifies tokens with a configured public key: the check is present and switched off.
                .body("checks.find { it.name == '" + IdentityProviderReadiness.NAME + "' }.data.check", equalTo("disabled"));
    }

    @Test
    void everyLogLineCarriesTheCorrelationIdAProblemShows() {
        String format = ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class);
        PatternFormatter console = new PatternFormatter(format);
        List<String> lines = new ArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                synchronized (lines) {
                    lines.add(console.format(record));
                }
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String instance = Persona.STAFF_A.request()
                    .body(Fixtures.incident("The link was https://example.com/a/b.png in a message."))
                    .post("/api/v1/incidents").then().statusCode(422).extract().path("instance");
            assertTrue(instance != null && !instance.isBlank());
            synchronized (lines) {
                assertTrue(lines.stream().anyMatch(l -> l.contains("Refused image") && l.contains("correlationId=" + instance)),
                        "no log line of the refused request carries its correlation id " + instance + ": " + lines);
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void swaggerUiIsNotServedOutsideTheLocalProfile() {
        given().get("/q/swagger-ui/").then().statusCode(404);
    }

    private static String recordAnIncident() {
        return Persona.STAFF_A.request().body(Fixtures.incident()).post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
    }

    /** Metric names in every query of the dashboard: identifiers that are neither functions, keywords nor labels. */
    static Set<String> metricNamesQueriedBy(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText()
                        .replaceAll("\\{[^}]*}", " ")
                        .replaceAll("\\[[^]]*]", " ")
                        .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
                Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(expr);
                while (m.find()) {
                    if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }
}
