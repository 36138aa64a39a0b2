package uk.dsltriage.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.logging.json.runtime.JsonFormatter;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;

/** Production logs are JSON: each line carries the MDC, and with it the request's correlation id. */
class JsonLogCorrelationTest {

    @Test
    void aJsonLogLineCarriesTheCorrelationId() {
        MDC.put("correlationId", "3f1c2b8e-0000-4000-8000-00000000c0de");
        try {
            ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Refused image or link content at %s", "test");
            record.copyMdc();
            String line = new JsonFormatter().format(record);
            assertTrue(line.contains("\"correlationId\":\"3f1c2b8e-0000-4000-8000-00000000c0de\""), line);
        } finally {
            MDC.remove("correlationId");
        }
    }
}
