package uk.dsltriage.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * When a task is due, from the urgency of the recommendation and the time of the decision, in Europe/London wall-clock
 * time (so a deadline keeps its local hour across a daylight-saving change). Pure: the caller passes the time.
 */
public final class Deadlines {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** The close of a working day. */
    public static final LocalTime CLOSE_OF_DAY = LocalTime.of(17, 0);
    /** Child-protection files move to a new setting within five school days (KCSIE). */
    public static final int CP_FILE_TRANSFER_WORKING_DAYS = 5;
    /** A REVIEW-level task without a review-by date is due within two working weeks. */
    static final int REVIEW_WORKING_DAYS = 10;

    private final WorkingCalendar calendar;

    public Deadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant dueAt(Urgency urgency, Instant decidedAt, LocalDate reviewBy) {
        ZonedDateTime decided = decidedAt.atZone(ENGLAND);
        LocalDate day = decided.toLocalDate();
        return switch (urgency) {
            case EMERGENCY_NOW, IMMEDIATE -> decidedAt;
            case SAME_DAY -> local(day, LocalTime.of(23, 59, 59));
            case WITHIN_1_WORKING_DAY -> local(calendar.workingDaysAfter(day, 1), decided.toLocalTime());
            case BY_CLOSE_NEXT_WORKING_DAY -> local(calendar.workingDaysAfter(day, 1), CLOSE_OF_DAY);
            case WITHIN_5_DAYS -> local(calendar.workingDaysAfter(day, 5), CLOSE_OF_DAY);
            case REVIEW -> reviewBy != null ? local(reviewBy, CLOSE_OF_DAY)
                    : local(calendar.workingDaysAfter(day, REVIEW_WORKING_DAYS), CLOSE_OF_DAY);
        };
    }

    /** A route's deadline: its urgency's, or sooner when the route has a statutory limit of its own. */
    public Instant dueAt(Route route, Urgency urgency, Instant decidedAt, LocalDate reviewBy) {
        Instant byUrgency = dueAt(urgency, decidedAt, reviewBy);
        if (route == Route.CP_FILE_TRANSFER) {
            LocalDate day = decidedAt.atZone(ENGLAND).toLocalDate();
            Instant statutory = local(calendar.workingDaysAfter(day, CP_FILE_TRANSFER_WORKING_DAYS), CLOSE_OF_DAY);
            return statutory.isBefore(byUrgency) ? statutory : byUrgency;
        }
        return byUrgency;
    }

    private static Instant local(LocalDate day, LocalTime time) {
        // ZonedDateTime.of moves a time that falls in the spring-forward gap later by the gap's length.
        return ZonedDateTime.of(day, time, ENGLAND).toInstant();
    }
}
