package uk.dsltriage.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.rules.RuleSetCatalog;
import uk.dsltriage.rules.codec.RuleSetLoader;

/**
 * The rule sets shipped with this build, loaded and validated once at start-up (an invalid rule file stops the
 * service from starting rather than triaging with it).
 */
@ApplicationScoped
public class RuleSets {

    public static final String BASELINE = "england-schools";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final RuleSetCatalog catalog;

    public RuleSets() {
        this.catalog = new RuleSetCatalog(RuleSetLoader.loadFromClasspath(RuleSets.class.getClassLoader()));
    }

    /** The version in force in England on the day the incident occurred (the newest if none was in force yet). */
    public RuleSet inForceAt(Instant occurredAt) {
        LocalDate day;
        try {
            day = occurredAt.atZone(ENGLAND).toLocalDate();
        } catch (DateTimeException e) {
            // Bodies are bounded to years 1-9999 when read; this keeps any other path from answering 500.
            throw ProblemException.invalid("occurredAt", "outside the accepted range of dates");
        }
        return catalog.inForceOn(BASELINE, day);
    }

    public Optional<RuleSet> find(String id, String version) {
        return catalog.find(id, version);
    }

    public List<RuleSet> all() {
        return catalog.all();
    }
}
