package uk.dsltriage.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void oneWorkingDaySkipsTheWeekend() {
        // Friday 27 Nov 2026 16:00 UK time (GMT) -> Monday 30 Nov 16:00
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"),
                WorkingDays.oneWorkingDayAfter(Instant.parse("2026-11-27T16:00:00Z"), WorkingDays.WEEKDAYS));
        // Saturday -> Monday; Tuesday -> Wednesday
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"),
                WorkingDays.oneWorkingDayAfter(Instant.parse("2026-11-28T10:00:00Z"), WorkingDays.WEEKDAYS));
        assertEquals(Instant.parse("2026-12-02T09:00:00Z"),
                WorkingDays.oneWorkingDayAfter(Instant.parse("2026-12-01T09:00:00Z"), WorkingDays.WEEKDAYS));
    }

    @Test
    void aCalendarWithBankHolidaysIsHonoured() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        LocalDate boxingDayObserved = LocalDate.of(2026, 12, 28);
        var calendar = WorkingDays.WEEKDAYS.and(d -> !d.equals(christmas) && !d.equals(boxingDayObserved));
        // Thursday 24 Dec -> (Fri 25 holiday, weekend, Mon 28 holiday) -> Tuesday 29 Dec
        assertEquals(Instant.parse("2026-12-29T12:00:00Z"),
                WorkingDays.oneWorkingDayAfter(Instant.parse("2026-12-24T12:00:00Z"), calendar));
    }
}
