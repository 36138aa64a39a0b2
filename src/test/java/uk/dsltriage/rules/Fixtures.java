package uk.dsltriage.rules;

import java.util.List;
import uk.dsltriage.rules.codec.RuleSetLoader;

/** The production rule set loaded once, and the engine. */
final class Fixtures {

    static final List<RuleSet> ALL = RuleSetLoader.loadFromClasspath(Fixtures.class.getClassLoader());
    static final RuleSet RULES = ALL.stream().filter(r -> r.version().equals("2025.1")).findFirst().orElseThrow();
    static final RuleEngine ENGINE = new RuleEngine();

    private Fixtures() {
    }

    /** A production release by version, e.g. "2025.2". */
    static RuleSet version(String version) {
        return ALL.stream().filter(r -> r.version().equals(version)).findFirst().orElseThrow();
    }

    static Recommendation evaluate(TriageInput input) {
        return ENGINE.evaluate(RULES, input);
    }

    static Recommendation evaluate(Incident incident) {
        return evaluate(incident.build());
    }
}
