package uk.dsltriage.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test about two children of school A whose references only it uses (other tests' incidents in the school must not
 * flag these children's plans), run on a Monday in winter: Europe/London is UTC then, so due times read plainly.
 */
public abstract class TwoChildrenTest {

    protected static final Instant MONDAY = Instant.parse("2027-01-11T09:00:00Z");
    private static final Random RANDOM = new Random();

    @Inject
    protected MovableClock clock;

    @Inject
    protected AgroalDataSource dataSource;

    /** The harmed child and the one who harmed them. */
    protected String victim;
    protected String actor;

    @BeforeEach
    void pickTwoChildrenOnMonday() {
        clock.set(MONDAY);
        victim = fresh("V");
        actor = fresh("B");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A reference no other test uses, with this letter. */
    protected static String fresh(String letter) {
        return letter + (100000 + RANDOM.nextInt(900000));
    }
}
