package uk.dsltriage.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boolean facts a rule set may test, each with a dense position (0, 1, 2, ...): evaluation keeps facts in
 * bit words by position, so there is no ceiling on how many facts there are. The production catalog is
 * {@link KnownFacts#CATALOG}; the facts themselves are declared in {@link KnownFacts}.
 */
public final class FactCatalog {

    private final List<String> names;
    private final Map<String, Integer> positions;
    /** "fact is true" and "fact is false" by position: explanation fragments built once, not per evaluation. */
    private final String[] isTrue;
    private final String[] isFalse;

    private FactCatalog(List<String> names) {
        this.names = List.copyOf(names);
        this.isTrue = new String[this.names.size()];
        this.isFalse = new String[this.names.size()];
        for (int i = 0; i < isTrue.length; i++) {
            isTrue[i] = this.names.get(i) + " is true";
            isFalse[i] = this.names.get(i) + " is false";
        }
        Map<String, Integer> map = new HashMap<>(names.size() * 2);
        for (int i = 0; i < this.names.size(); i++) {
            if (map.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("fact declared twice: " + this.names.get(i));
            }
        }
        this.positions = map;
    }

    public static FactCatalog of(List<String> names) {
        return new FactCatalog(names);
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /** Bit words needed to hold one bit per fact. */
    int words() {
        return (names.size() + 63) >>> 6;
    }

    /** The position of a fact, or -1 when the catalog has no such fact (or the name is null). */
    public int indexOf(String name) {
        if (name == null) {
            return -1;
        }
        Integer i = positions.get(name);
        return i == null ? -1 : i;
    }

    /** "fact is value" for the fact at a position (the caller names the fact, checked against the position). */
    String statement(int index, String fact, boolean value) {
        if (index >= 0 && index < isTrue.length && names.get(index).equals(fact)) {
            return value ? isTrue[index] : isFalse[index];
        }
        return fact + " is " + value;
    }

    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }
}
