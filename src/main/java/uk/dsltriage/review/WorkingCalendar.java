package uk.dsltriage.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Bank holidays are data (one ISO date at
 * the start of a line; '#' starts a comment), so a new year's list replaces a file, not code.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> bankHolidays;

    private WorkingCalendar(Set<LocalDate> bankHolidays) {
        this.bankHolidays = Set.copyOf(bankHolidays);
    }

    public static WorkingCalendar fromLines(List<String> lines) {
        Set<LocalDate> holidays = new TreeSet<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String date = trimmed.split("\\s+", 2)[0];
            try {
                holidays.add(LocalDate.parse(date));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("bank-holiday calendar: not an ISO date at the start of a line: " + date, e);
            }
        }
        if (holidays.isEmpty()) {
            throw new IllegalArgumentException("bank-holiday calendar lists no dates");
        }
        return new WorkingCalendar(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !bankHolidays.contains(day);
    }

    /** The n-th working day after {@code day} (n >= 1); {@code day} itself never counts. */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }
}
