package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reading an input's facts into bit words by position ({@link FactCatalog#read}) gives the same words whatever kind
 * of map holds them (the HashMap and LinkedHashMap probe per fact, any other map is walked): known true, known false,
 * null as unknown, names outside the catalog ignored, and a catalog of more than 64 facts.
 */
class FactCatalogReadTest {

    @Test
    void everyKindOfMapReadsAsTheSameWords() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            names.add("fact" + i);
        }
        FactCatalog catalog = FactCatalog.of(names);
        Random random = new Random(9);
        for (int round = 0; round < 200; round++) {
            Map<String, Boolean> given = new TreeMap<>();
            long[] expectedTrue = new long[catalog.words()];
            long[] expectedFalse = new long[catalog.words()];
            for (int i = 0; i < names.size(); i++) {
                int pick = random.nextInt(4);
                if (pick == 0) {
                    continue;
                }
                Boolean value = pick == 1 ? null : pick == 2;
                // A name built anew, not the catalog's instance: found by equals.
                given.put(new String(names.get(i)), value);
                if (value != null) {
                    (value ? expectedTrue : expectedFalse)[i >>> 6] |= 1L << i;
                }
            }
            given.put("notAFact" + round, true);
            for (Map<String, Boolean> kind : List.of(new HashMap<>(given), new LinkedHashMap<>(given), given,
                    java.util.Collections.unmodifiableMap(given))) {
                long[] knownTrue = new long[catalog.words()];
                long[] knownFalse = new long[catalog.words()];
                catalog.read(kind, knownTrue, knownFalse);
                assertArrayEquals(expectedTrue, knownTrue, kind.getClass() + " round " + round);
                assertArrayEquals(expectedFalse, knownFalse, kind.getClass() + " round " + round);
            }
        }
    }
}
