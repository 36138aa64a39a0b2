package uk.dsltriage.console.api;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as a DSL in England reads them: Europe/London, "Tue 1 Dec 2026, 08:05". */
@TemplateExtension
public final class LondonTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private LondonTime() {
    }

    /** {@code {instant.london}} in a template. */
    public static String london(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(LONDON));
    }

    /** {@code {date.london}} in a template. */
    public static String london(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code {instant.iso}}: for the {@code datetime} attribute of {@code <time>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
