package uk.dsltriage.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.rules.RuleSetCatalog;
import uk.dsltriage.rules.codec.RuleSetLoader;

/**
 * The rule sets shipped with this build, loaded and validated once at start-up (an invalid rule file stops the
 * service from starting rather than triaging with it).
 *
 * <p>A singleton, not application-scoped: the client proxy of a normal-scoped bean is a subclass whose constructor runs
 * this one too, so every start loaded, validated and compiled the rule sets twice (bench/STARTUP-2026-12-01.md).
 */
@Startup
@Singleton
public class RuleSets {

    public static final String BASELINE = "england-schools";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final RuleSetCatalog catalog;
    /** The committed change file of each version that has one (rulesets/CHANGES-{version}.json), by version. */
    private final Map<String, JsonNode> changeFiles = new HashMap<>();
    /** $.labels of each rule set that has them, by sha256. */
    private final Map<String, JsonNode> labels = new HashMap<>();

    public RuleSets() {
        this.catalog = new RuleSetCatalog(RuleSetLoader.loadFromClasspath(RuleSets.class.getClassLoader()));
        ObjectMapper mapper = new ObjectMapper();
        for (RuleSet r : catalog.all()) {
            try {
                JsonNode l = mapper.readTree(r.content()).path("labels");
                if (l.isObject()) {
                    labels.put(r.sha256(), l);
                }
            } catch (IOException e) {
                throw new IllegalStateException("a loaded rule set no longer parses", e);
            }
            try (InputStream in = RuleSets.class.getClassLoader()
                    .getResourceAsStream("rulesets/CHANGES-" + r.version() + ".json")) {
                if (in != null) {
                    JsonNode file = mapper.readTree(in);
                    if (r.ruleSetId().equals(file.path("ruleSetId").asText())) {
                        changeFiles.put(r.version(), file);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("change file of " + r.version() + " does not parse", e);
            }
        }
    }

    /** The committed change file explaining {@code to}, if it has one. */
    public Optional<JsonNode> changeFile(RuleSet to) {
        return Optional.ofNullable(changeFiles.get(to.version()));
    }

    /**
     * The rule set's labels ($.labels: routes, requiredActions, forbiddenActions, urgencies). A release that predates
     * labels (2025.1, kept byte-identical) reads the first labelled release's words for the same codes.
     */
    public Optional<JsonNode> labels(String sha256) {
        JsonNode own = sha256 == null ? null : labels.get(sha256);
        if (own != null) {
            return Optional.of(own);
        }
        return catalog.all().stream().filter(r -> r.sha256().equals(sha256)).findFirst()
                .flatMap(r -> catalog.all().stream().filter(o -> o.ruleSetId().equals(r.ruleSetId()))
                        .map(o -> labels.get(o.sha256())).filter(java.util.Objects::nonNull).findFirst());
    }

    /** The release before {@code ruleSet} in the catalogue (same id), if any. */
    public Optional<RuleSet> previous(RuleSet ruleSet) {
        RuleSet before = null;
        for (RuleSet r : catalog.all()) {
            if (r.equals(ruleSet)) {
                return Optional.ofNullable(before);
            }
            if (r.ruleSetId().equals(ruleSet.ruleSetId())) {
                before = r;
            }
        }
        return Optional.empty();
    }


    /** A rule set and the stretch of occurrence times [from, until) it is in force for; {@code until} null: open. */
    public record InForce(RuleSet ruleSet, Instant from, Instant until) {
    }

    /**
     * Every stretch of dates with the rule set in force then (the newest release of each edition), oldest first, so
     * that a job can re-triage each incident under the guidance of its own date, as {@link #inForceAt} would pick it.
     */
    public List<InForce> inForceStretches() {
        List<LocalDate> starts = catalog.all().stream().filter(r -> r.ruleSetId().equals(BASELINE))
                .map(RuleSet::effectiveFrom).distinct().sorted().toList();
        List<InForce> stretches = new java.util.ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant until = i + 1 < starts.size() ? starts.get(i + 1).atStartOfDay(ENGLAND).toInstant() : null;
            stretches.add(new InForce(catalog.inForceOn(BASELINE, starts.get(i)),
                    starts.get(i).atStartOfDay(ENGLAND).toInstant(), until));
        }
        return stretches;
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
