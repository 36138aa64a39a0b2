package uk.dsltriage.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bank-holiday calendar: the file named by {@code dsltriage.review.bank-holidays-file}, or the England and Wales
 * list shipped in {@code calendars/}. An unreadable calendar stops the service from starting.
 */
@ApplicationScoped
public class CalendarProducer {

    static final String SHIPPED = "calendars/england-and-wales-bank-holidays.txt";

    @Produces
    @ApplicationScoped
    WorkingCalendar calendar(@ConfigProperty(name = "dsltriage.review.bank-holidays-file") Optional<String> file) {
        try {
            if (file.isPresent()) {
                return WorkingCalendar.fromLines(Files.readAllLines(Path.of(file.get()), StandardCharsets.UTF_8));
            }
            try (InputStream in = CalendarProducer.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (in == null) {
                    throw new IllegalStateException("bank-holiday calendar missing from the build: " + SHIPPED);
                }
                return WorkingCalendar.fromLines(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("bank-holiday calendar not readable", e);
        }
    }

    @Produces
    @ApplicationScoped
    Deadlines deadlines(WorkingCalendar calendar) {
        return new Deadlines(calendar);
    }
}
