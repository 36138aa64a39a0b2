package uk.dsltriage.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned rule set loaded from one JSON document. {@code sha256} is the hex SHA-256 of the exact
 * file bytes, which {@link #content()} returns (as a copy).
 *
 * <p>Checked and compiled once, when it is built: a rule set with a missing part or a name the engine does not
 * know (a fact, a flag, a number) is refused with an {@link InvalidRuleSetException}, so evaluation never meets one.
 */
public final class RuleSet {

    private final String ruleSetId;
    private final String version;
    private final String title;
    private final String guidanceVersion;
    private final LocalDate effectiveFrom;
    private final String sha256;
    private final Map<String, Boolean> flags;
    private final List<Rule> rules;
    private final List<ConflictRule> conflicts;
    private final byte[] content;
    private final FactCatalog facts;
    private final CompiledRuleSet compiled;

    public RuleSet(String ruleSetId, String version, String title, String guidanceVersion, LocalDate effectiveFrom,
            String sha256, Map<String, Boolean> flags, List<Rule> rules, List<ConflictRule> conflicts, byte[] content) {
        this(ruleSetId, version, title, guidanceVersion, effectiveFrom, sha256, flags, rules, conflicts, content,
                KnownFacts.CATALOG);
    }

    /** A rule set over another fact catalog than the production one ({@link KnownFacts#CATALOG}). */
    public RuleSet(String ruleSetId, String version, String title, String guidanceVersion, LocalDate effectiveFrom,
            String sha256, Map<String, Boolean> flags, List<Rule> rules, List<ConflictRule> conflicts, byte[] content,
            FactCatalog facts) {
        this.ruleSetId = ruleSetId;
        this.version = version;
        this.title = title;
        this.guidanceVersion = guidanceVersion;
        this.effectiveFrom = effectiveFrom;
        this.sha256 = sha256;
        this.flags = Map.copyOf(flags == null ? Map.of() : flags);
        this.rules = List.copyOf(rules == null ? List.of() : rules);
        this.conflicts = List.copyOf(conflicts == null ? List.of() : conflicts);
        this.content = content == null ? new byte[0] : content.clone();
        this.facts = facts;
        RuleSetValidator.check(ruleSetId, version, sha256, facts, this.flags, this.rules, this.conflicts);
        this.compiled = CompiledRuleSet.compile(this);
    }

    public String ruleSetId() {
        return ruleSetId;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public String guidanceVersion() {
        return guidanceVersion;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public String sha256() {
        return sha256;
    }

    public Map<String, Boolean> flags() {
        return flags;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<ConflictRule> conflicts() {
        return conflicts;
    }

    public byte[] content() {
        return content.clone();
    }

    /** The facts this rule set's conditions name, by position. */
    public FactCatalog facts() {
        return facts;
    }

    CompiledRuleSet compiled() {
        return compiled;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSet other && ruleSetId.equals(other.ruleSetId) && version.equals(other.version)
                && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {ruleSetId, version, sha256});
    }

    @Override
    public String toString() {
        return "RuleSet[" + ruleSetId + " " + version + ", effectiveFrom " + effectiveFrom + ", sha256 " + sha256 + "]";
    }
}
