package uk.dsltriage.referral.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The feed's instants are written as ISO_INSTANT writes them (the API's mapper uses it), at every precision. */
class IsoInstantTest {

    @Test
    void writesWhatIsoInstantWrites() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("2026-11-20T10:05:00.120Z"), Instant.parse("2026-12-01T09:00:00.000001Z"),
                Instant.parse("1969-12-31T23:59:59.100Z"), Instant.parse("2024-02-29T12:00:00.000000100Z"),
                Instant.parse("0000-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX);
        for (Instant instant : edges) {
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), IsoInstant.format(instant));
        }
        SplittableRandom random = new SplittableRandom(13);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nanos = random.nextInt(1_000_000_000);
            nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> nanos / 1_000_000 * 1_000_000;
                case 2 -> nanos / 1_000 * 1_000;
                default -> nanos;
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
            assertEquals(DateTimeFormatter.ISO_INSTANT.format(instant), IsoInstant.format(instant));
        }
    }
}
