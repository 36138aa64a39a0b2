package uk.dsltriage.referral.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as {@code DateTimeFormatter.ISO_INSTANT} (and so the API's mapper) writes it, without the formatter's
 * general machinery: two per item of every feed page made it a measurable share of the page's writing. Years 1 to
 * 9999 only (every stored time); anything else is left to {@link Instant#toString()}. {@code IsoInstantTest} compares
 * the two over every precision ISO_INSTANT distinguishes.
 */
final class IsoInstant {

    private static final long FIRST = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long AFTER_LAST = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private IsoInstant() {
    }

    /** The most bytes {@link #write} writes. */
    static final int MAX_LENGTH = 30;

    static String format(Instant instant) {
        byte[] text = new byte[MAX_LENGTH];
        int end = write(instant, text, 0);
        return end < 0 ? instant.toString() : new String(text, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the instant's text (ASCII) into {@code text} from {@code at}, which has room for {@link #MAX_LENGTH}
     * bytes: where it ends, or -1 (nothing written) for a year outside 1-9999.
     */
    static int write(Instant instant, byte[] text, int at) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= AFTER_LAST) {
            return -1;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        at = digits(text, at, t.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, t.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, t.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, t.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, t.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, t.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[at++] = '.';
            // As ISO_INSTANT: as many digits as needed, in groups of three.
            if (nanos % 1_000_000 == 0) {
                at = digits(text, at, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                at = digits(text, at, nanos / 1_000, 6);
            } else {
                at = digits(text, at, nanos, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    private static int digits(byte[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
