package uk.dsltriage.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * "Within one working day" for a local authority's acknowledgement, on a calendar of working days (the service's
 * England and Wales calendar, {@code review.WorkingCalendar}, in production; any predicate in tests).
 */
public final class WorkingDays {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    public static final Predicate<LocalDate> WEEKDAYS =
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    private WorkingDays() {
    }

    /** The same local time on the first working day after the day of {@code from}: "within one working day". */
    public static Instant oneWorkingDayAfter(Instant from, Predicate<LocalDate> isWorkingDay) {
        ZonedDateTime local = from.atZone(ENGLAND);
        LocalDate day = local.toLocalDate().plusDays(1);
        while (!isWorkingDay.test(day)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, local.toLocalTime(), ENGLAND).toInstant();
    }
}
