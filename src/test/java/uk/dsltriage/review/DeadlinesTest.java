package uk.dsltriage.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

class DeadlinesTest {

    private static final WorkingCalendar CALENDAR = shipped();
    private static final Deadlines DEADLINES = new Deadlines(CALENDAR);

    @Test
    void theShippedCalendarCoversTheBankHolidaysOf2025To2028() {
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2025-12-26")));
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-28")), "Boxing Day 2026 substitute");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2027-03-26")), "Good Friday 2027");
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2028-01-03")), "New Year 2028 substitute");
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-29")));
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-12-05")), "a Saturday");
    }

    @Test
    void immediateAndEmergencyAreDueAtOnce() {
        Instant decided = Instant.parse("2026-12-04T15:00:00Z");
        assertEquals(decided, DEADLINES.dueAt(Urgency.EMERGENCY_NOW, decided, null));
        assertEquals(decided, DEADLINES.dueAt(Urgency.IMMEDIATE, decided, null));
    }

    @Test
    void sameDayEndsAtLocalMidnightInSummerAndWinter() {
        assertEquals(Instant.parse("2026-12-04T23:59:59Z"), DEADLINES.dueAt(Urgency.SAME_DAY, Instant.parse("2026-12-04T10:00:00Z"), null));
        // British Summer Time: the local end of 1 July 2026 is 22:59:59 UTC.
        assertEquals(Instant.parse("2026-07-01T22:59:59Z"), DEADLINES.dueAt(Urgency.SAME_DAY, Instant.parse("2026-07-01T10:00:00Z"), null));
    }

    @Test
    void aWorkingDaySkipsTheWeekend() {
        Instant friday = Instant.parse("2026-12-04T10:00:00Z");
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), DEADLINES.dueAt(Urgency.WITHIN_1_WORKING_DAY, friday, null));
        assertEquals(Instant.parse("2026-12-07T17:00:00Z"), DEADLINES.dueAt(Urgency.BY_CLOSE_NEXT_WORKING_DAY, friday, null));
    }

    @Test
    void aWorkingDaySkipsBankHolidays() {
        // Thursday 24 Dec 2026: Friday 25 is Christmas, Monday 28 the Boxing Day substitute.
        Instant christmasEve = Instant.parse("2026-12-24T11:00:00Z");
        assertEquals(Instant.parse("2026-12-29T11:00:00Z"), DEADLINES.dueAt(Urgency.WITHIN_1_WORKING_DAY, christmasEve, null));
        assertEquals(Instant.parse("2027-01-05T17:00:00Z"), DEADLINES.dueAt(Urgency.WITHIN_5_DAYS, christmasEve, null),
                "29, 30, 31 Dec, (New Year's Day, weekend) 4, 5 Jan");
    }

    @Test
    void deadlinesKeepTheirLocalHourAcrossTheClockChange() {
        // Friday 26 March 2027 is Good Friday, Monday 29 Easter Monday; clocks go forward on Sunday 28 March.
        Instant thursdayGmt = Instant.parse("2027-03-25T10:00:00Z");
        assertEquals(Instant.parse("2027-03-30T09:00:00Z"), DEADLINES.dueAt(Urgency.WITHIN_1_WORKING_DAY, thursdayGmt, null),
                "10:00 GMT on Thursday is due 10:00 BST (09:00Z) on Tuesday");
        assertEquals(Instant.parse("2027-03-30T16:00:00Z"), DEADLINES.dueAt(Urgency.BY_CLOSE_NEXT_WORKING_DAY, thursdayGmt, null));
        // And back in October: Friday 29 Oct 2027 10:00 BST, clocks go back on Sunday 31.
        assertEquals(Instant.parse("2027-11-01T10:00:00Z"),
                DEADLINES.dueAt(Urgency.WITHIN_1_WORKING_DAY, Instant.parse("2027-10-29T09:00:00Z"), null));
    }

    @Test
    void childProtectionFilesMoveWithinFiveSchoolDaysWhateverTheUrgency() {
        Instant monday = Instant.parse("2026-12-14T10:00:00Z");
        // 15, 16, 17, 18, (19-20 weekend) 21 Dec.
        assertEquals(Instant.parse("2026-12-21T17:00:00Z"), DEADLINES.dueAt(Route.CP_FILE_TRANSFER, Urgency.REVIEW, monday, null));
        assertEquals(DEADLINES.dueAt(Urgency.SAME_DAY, monday, null),
                DEADLINES.dueAt(Route.CP_FILE_TRANSFER, Urgency.SAME_DAY, monday, null), "a sooner urgency wins");
    }

    @Test
    void aReviewIsDueOnItsReviewByDate() {
        assertEquals(Instant.parse("2027-01-15T17:00:00Z"),
                DEADLINES.dueAt(Urgency.REVIEW, Instant.parse("2026-12-04T10:00:00Z"), LocalDate.parse("2027-01-15")));
    }

    @Test
    void aCalendarIsDataAndAMalformedOneIsRefused() {
        WorkingCalendar custom = WorkingCalendar.fromLines(List.of("# comment", "2026-12-07 a local closure"));
        assertFalse(custom.isWorkingDay(LocalDate.parse("2026-12-07")));
        assertTrue(custom.isWorkingDay(LocalDate.parse("2026-12-25")), "only what the file lists");
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.fromLines(List.of("25/12/2026")));
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.fromLines(List.of("# nothing")));
    }

    private static WorkingCalendar shipped() {
        try (InputStream in = DeadlinesTest.class.getClassLoader().getResourceAsStream(CalendarProducer.SHIPPED)) {
            return WorkingCalendar.fromLines(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
