package uk.dsltriage.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned rule set loaded from one JSON document. {@code sha256} is the hex SHA-256 of the exact
 * file bytes, which {@link #content()} returns (as a copy).
 */
public record RuleSet(String ruleSetId, String version, String title, String guidanceVersion,
        LocalDate effectiveFrom, String sha256, Map<String, Boolean> flags, List<Rule> rules,
        List<ConflictRule> conflicts, byte[] content) {

    public RuleSet {
        flags = Map.copyOf(flags == null ? Map.of() : flags);
        rules = List.copyOf(rules == null ? List.of() : rules);
        conflicts = List.copyOf(conflicts == null ? List.of() : conflicts);
        content = content == null ? new byte[0] : content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
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
