package uk.dsltriage.rules;

import java.util.List;
import java.util.Map;

/**
 * The boolean facts a rule set may test, each with a dense position (0, 1, 2, ...): evaluation keeps facts in
 * bit words by position, so there is no ceiling on how many facts there are. The production catalog is
 * {@link KnownFacts#CATALOG}; the facts themselves are declared in {@link KnownFacts}.
 */
public final class FactCatalog {

    private final List<String> names;
    private final String[] byPosition;
    /**
     * Names by their own (cached) hash codes, open addressing at most a quarter full, and each name's position:
     * reading an input's facts by name is one probe in the usual case, with no boxed position to unwrap.
     */
    private final String[] table;
    private final int[] tablePositions;
    private final int mask;
    /** "fact is true" and "fact is false" by position: explanation fragments built once, not per evaluation. */
    private final String[] isTrue;
    private final String[] isFalse;

    private FactCatalog(List<String> names) {
        this.names = List.copyOf(names);
        this.byPosition = this.names.toArray(new String[0]);
        this.isTrue = new String[this.names.size()];
        this.isFalse = new String[this.names.size()];
        for (int i = 0; i < isTrue.length; i++) {
            isTrue[i] = this.names.get(i) + " is true";
            isFalse[i] = this.names.get(i) + " is false";
        }
        int size = Integer.highestOneBit(Math.max(4, this.names.size() * 4) - 1) << 1;
        this.table = new String[size];
        this.tablePositions = new int[size];
        this.mask = size - 1;
        for (int i = 0; i < this.names.size(); i++) {
            String name = this.names.get(i);
            int slot = slot(name);
            while (table[slot] != null) {
                if (table[slot].equals(name)) {
                    throw new IllegalArgumentException("fact declared twice: " + name);
                }
                slot = (slot + 1) & mask;
            }
            table[slot] = name;
            tablePositions[slot] = i;
        }
    }

    private int slot(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & mask;
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
        for (int slot = slot(name); ; slot = (slot + 1) & mask) {
            String there = table[slot];
            if (there == null) {
                return -1;
            }
            if (there == name || there.equals(name)) {
                return tablePositions[slot];
            }
        }
    }

    /**
     * Every fact of the map this catalog has, by its position: its bit set in {@code knownTrue} or {@code knownFalse}
     * by its value, or in neither when the value is null (unknown); a later entry for the same fact replaces an
     * earlier one. Names the catalog lacks are ignored.
     */
    void read(Map<String, Boolean> facts, long[] knownTrue, long[] knownFalse) {
        Class<?> type = facts.getClass();
        if (type == java.util.HashMap.class || type == java.util.LinkedHashMap.class) {
            // Their keys are found by equals alone, as the walk below finds them: a fact's value is what get gives
            // (null, absent or unknown, sets neither bit). One probe of the map per fact is cheaper than walking it.
            for (int i = 0; i < byPosition.length; i++) {
                Boolean value = facts.get(byPosition[i]);
                if (value != null) {
                    (value ? knownTrue : knownFalse)[i >>> 6] |= 1L << i;
                }
            }
            return;
        }
        for (Map.Entry<String, Boolean> e : facts.entrySet()) {
            int i = indexOf(e.getKey());
            if (i >= 0) {
                Boolean value = e.getValue();
                int word = i >>> 6;
                long bit = 1L << i;
                knownTrue[word] &= ~bit;
                knownFalse[word] &= ~bit;
                if (value != null) {
                    (value ? knownTrue : knownFalse)[word] |= bit;
                }
            }
        }
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
