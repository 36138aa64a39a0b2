package uk.dsltriage.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.Urgency;

class AlertMessageTest {

    private static final UUID INCIDENT = UUID.fromString("0b7c4f7e-1d2a-4c3b-9e8f-5a6b7c8d9e0f");
    /** A rule set's words for two urgencies (SAME_DAY left unworded: the code in words stands in). */
    private static final RuleSetWords WORDS = words("""
            { "urgencies": { "IMMEDIATE": { "label": "Immediately", "description": "Within the hour." },
                             "EMERGENCY_NOW": { "label": "Emergency: now", "description": "Call 999." } } }""");

    @Test
    void anUrgentConcernSaysWhatWhenAndWhereOnly() {
        AlertMessage m = AlertMessage.of(AlertKind.URGENT_CONCERN, Urgency.IMMEDIATE, WORDS, Instant.parse("2026-12-01T08:05:00Z"),
                INCIDENT, "https://console.example");
        assertEquals("dsl-triage: a concern needs you now (Immediately)", m.subject());
        assertTrue(m.body().contains("Urgency: Immediately\n"), m.body());
        assertTrue(!m.body().contains("IMMEDIATE"), "the rule set's word, not the code: " + m.body());
        assertTrue(m.body().contains("When: Tue 1 Dec 2026, 08:05 (UK time)"), m.body());
        assertTrue(m.body().contains("https://console.example/console/incidents/" + INCIDENT), m.body());
    }

    @Test
    void timesAreInLondonTimeInSummerToo() {
        AlertMessage m = AlertMessage.of(AlertKind.DOWNGRADE, Urgency.SAME_DAY, WORDS, Instant.parse("2026-07-01T08:05:00Z"),
                INCIDENT, "https://console.example");
        assertEquals("dsl-triage: a recommendation was downgraded (Same day)", m.subject());
        assertTrue(m.body().contains("When: Wed 1 Jul 2026, 09:05 (UK time)"), m.body());
    }

    @Test
    void overdueTasksLinkToTheTaskListAndCountWhenGrouped() {
        AlertMessage one = AlertMessage.of(AlertKind.TASK_OVERDUE, Urgency.IMMEDIATE, WORDS, Instant.parse("2026-12-01T08:05:00Z"),
                INCIDENT, "https://console.example");
        assertEquals("dsl-triage: a task is overdue (Immediately)", one.subject());
        assertTrue(one.body().contains("https://console.example/console/tasks\n"), one.body());
        assertTrue(!one.body().contains(INCIDENT.toString()), one.body());
        AlertMessage three = AlertMessage.of(AlertKind.TASK_OVERDUE, 3, Urgency.EMERGENCY_NOW, WORDS,
                Instant.parse("2026-12-01T08:05:00Z"), INCIDENT, "https://console.example");
        assertEquals("dsl-triage: 3 tasks are overdue (Emergency: now)", three.subject());
        assertTrue(three.body().contains("Urgency: Emergency: now, the most urgent"), three.body());
    }

    private static RuleSetWords words(String labels) {
        try {
            return RuleSetWords.of(new ObjectMapper().readTree(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
