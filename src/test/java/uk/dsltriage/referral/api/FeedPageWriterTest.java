package uk.dsltriage.referral.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page writer puts plain ASCII strings as they are and leaves everything else to the mapper: either way the bytes
 * must be the mapper's. (FeedWireTest compares whole pages against the API's own mapper.)
 */
class FeedPageWriterTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aStringIsWhatTheMapperWritesWhetherOrNotItNeedsEscaping() throws Exception {
        for (String value : List.of("", "100000", "CSC_S47", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}", "a\"quote", "a\\backslash",
                "a\ttab", "\u0000nul", "\u001funit", "\u007fdel", "é", "Zoë", "\u2028line", "\uD83D\uDE00", "\"")) {
            byte[] written = new FeedPageWriter.Utf8(1, mapper).string(value).toByteArray();
            assertArrayEquals(mapper.writeValueAsBytes(value), written, value);
        }
    }

    @Test
    void anInstantBeyondTheYearsItFormatsIsWrittenAsItsText() throws Exception {
        for (Instant instant : List.of(Instant.parse("2026-12-02T10:00:00.120Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"))) {
            byte[] written = new FeedPageWriter.Utf8(1, mapper).instant(instant).toByteArray();
            assertArrayEquals(mapper.writeValueAsBytes(IsoInstant.format(instant)), written, instant.toString());
        }
    }
}
