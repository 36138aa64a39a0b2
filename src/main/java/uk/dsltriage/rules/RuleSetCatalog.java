package uk.dsltriage.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** The rule sets the service knows, several versions side by side. Immutable. */
public final class RuleSetCatalog {

    /** Releases of one edition share effectiveFrom; the newest release (2025.2 after 2025.1, 2025.10 after 2025.9) wins. */
    private static final Comparator<RuleSet> ORDER = Comparator.comparing(RuleSet::ruleSetId)
            .thenComparing(RuleSet::effectiveFrom).thenComparing(r -> release(r.version()))
            .thenComparing(RuleSet::version);

    /** The release number after the dot of "yyyy.n"; -1 when the version has another form. */
    private static int release(String version) {
        int dot = version.indexOf('.');
        try {
            return dot < 0 ? -1 : Integer.parseInt(version.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private final List<RuleSet> ruleSets;

    public RuleSetCatalog(List<RuleSet> ruleSets) {
        this.ruleSets = ruleSets.stream().map(Objects::requireNonNull).sorted(ORDER).toList();
        for (int i = 1; i < this.ruleSets.size(); i++) {
            RuleSet a = this.ruleSets.get(i - 1);
            RuleSet b = this.ruleSets.get(i);
            if (a.ruleSetId().equals(b.ruleSetId()) && a.version().equals(b.version())) {
                throw new IllegalArgumentException("duplicate rule set " + a.ruleSetId() + " " + a.version());
            }
        }
    }

    /** All rule sets, ordered by id then effectiveFrom. */
    public List<RuleSet> all() {
        return ruleSets;
    }

    public Optional<RuleSet> find(String ruleSetId, String version) {
        return ruleSets.stream().filter(r -> r.ruleSetId().equals(ruleSetId) && r.version().equals(version))
                .findFirst();
    }

    /**
     * The newest release of the edition in force on {@code date}: the greatest effectiveFrom on or before it, and of
     * the releases sharing that effectiveFrom the highest release number; when none is in force yet, the newest version.
     *
     * @throws NoSuchElementException when the catalog has no rule set with that id
     */
    public RuleSet inForceOn(String ruleSetId, LocalDate date) {
        List<RuleSet> versions = ruleSets.stream().filter(r -> r.ruleSetId().equals(ruleSetId)).toList();
        if (versions.isEmpty()) {
            throw new NoSuchElementException("no rule set with id " + ruleSetId);
        }
        RuleSet inForce = null;
        for (RuleSet r : versions) {
            if (date != null && !r.effectiveFrom().isAfter(date)) {
                inForce = r;
            }
        }
        return inForce != null ? inForce : versions.get(versions.size() - 1);
    }
}
