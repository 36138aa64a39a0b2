package uk.dsltriage.console.api;

import java.time.Duration;

/** A length of time as a DSL reads it: "2 days 3 hours", "45 minutes". */
final class ConsoleDurations {

    private ConsoleDurations() {
    }

    static String words(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder text = new StringBuilder();
        append(text, days, "day");
        append(text, hours, "hour");
        if (days == 0) {
            append(text, mins, "minute");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long n, String unit) {
        if (n == 0) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
    }
}
