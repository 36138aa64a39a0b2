package uk.dsltriage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dashboard check reads metric names out of PromQL, and nothing else. */
class MetricNamesOfADashboardTest {

    @Test
    void functionsLabelsRangesAndGroupingAreNotMetricNames() throws Exception {
        String dashboard = """
                {"panels":[{"targets":[
                  {"expr":"sum by (route, urgency) (increase(dsltriage_triage_routes_total{urgency=\\"IMMEDIATE\\"}[24h]))"},
                  {"expr":"sum by (uri) (rate(a_sum[5m])) / sum by (uri) (rate(a_count[5m])) * 60"},
                  {"expr":"max(dsltriage_tasks_overdue)"}]}]}
                """;
        assertEquals(Set.of("dsltriage_triage_routes_total", "a_sum", "a_count", "dsltriage_tasks_overdue"),
                OperatorViewTest.metricNamesQueriedBy(new ObjectMapper().readTree(dashboard)));
    }
}
