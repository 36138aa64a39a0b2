package uk.dsltriage.common.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

@ApplicationScoped
public class NotInFutureValidator implements ConstraintValidator<NotInFuture, OffsetDateTime> {

    /** How far ahead of this service's clock a client's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public NotInFutureValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
        return value == null || !value.toInstant().isAfter(Instant.now(clock).plus(CLOCK_SKEW));
    }
}
