package uk.dsltriage.imageguard.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SmugglingCorpusTest {

    private final ImageContentScanner scanner = new ImageContentScanner();

    @Test
    void corpusIsLargeAndDistinct() {
        List<SmugglingCorpus.Sample> samples = SmugglingCorpus.samples();
        assertTrue(samples.size() >= 60, "at least 60 variants, got " + samples.size());
        Set<String> names = new HashSet<>();
        Set<String> canaries = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (SmugglingCorpus.Sample s : samples) {
            assertTrue(names.add(s.name()), "duplicate name " + s.name());
            assertTrue(canaries.add(s.canary()), "duplicate canary");
            assertTrue(values.add(s.jsonValue()), "duplicate value " + s.name());
            assertFalse(s.fragments().isEmpty(), s.name());
        }
        // the corpus is reproducible
        assertEquals(samples, SmugglingCorpus.samples());
    }

    @TestFactory
    Stream<DynamicTest> everySampleInEveryPlacementIsRefusedWithThePath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SmugglingCorpus.Sample s : SmugglingCorpus.samples()) {
            for (SmugglingCorpus.Placement p : s.placements()) {
                tests.add(DynamicTest.dynamicTest(s.name() + " @ " + p, () -> {
                    ScanResult r = scanner.scan(SmugglingCorpus.bodyBytes(s, p));
                    assertTrue(r instanceof ScanResult.Refused, () -> s.name() + " @ " + p + " was " + r);
                    String path = ((ScanResult.Refused) r).fieldPath();
                    assertTrue(SmugglingCorpus.pathMatches(s, p, path),
                        () -> s.name() + " @ " + p + ": expected " + SmugglingCorpus.expectedPath(p) + " got " + path);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void resultsNeverEchoTheContent() {
        for (SmugglingCorpus.Sample s : SmugglingCorpus.samples()) {
            for (SmugglingCorpus.Placement p : s.placements()) {
                String shown = scanner.scan(SmugglingCorpus.bodyBytes(s, p)).toString();
                assertFalse(shown.contains(s.canary()), s.name());
                for (String f : s.fragments()) {
                    assertFalse(shown.contains(f), s.name());
                }
            }
        }
    }

    @Test
    void reasonDistribution() {
        Map<RefusalReason, Integer> counts = new EnumMap<>(RefusalReason.class);
        int total = 0;
        for (SmugglingCorpus.Sample s : SmugglingCorpus.samples()) {
            for (SmugglingCorpus.Placement p : s.placements()) {
                ScanResult r = scanner.scan(SmugglingCorpus.bodyBytes(s, p));
                if (r instanceof ScanResult.Refused) {
                    counts.merge(((ScanResult.Refused) r).reason(), 1, Integer::sum);
                }
                total++;
            }
        }
        System.out.println("[imageguard] smuggling corpus: " + SmugglingCorpus.samples().size() + " samples, "
            + total + " sample-placements, reasons " + counts);
        assertFalse(counts.containsKey(RefusalReason.SCANNER_ERROR));
    }
}
