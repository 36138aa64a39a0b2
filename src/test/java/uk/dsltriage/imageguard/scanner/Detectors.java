package uk.dsltriage.imageguard.scanner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one detector on its own for the per-detector corpus tests: candidates collected, then that detector only. */
final class Detectors {

    static final ScannerPolicy POLICY = ScannerPolicy.defaults();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Detectors() {
    }

    /** Detectors that decode and look again one level deeper get the full inspector for that. */
    static NestedInspection nested() {
        return new TextInspector(POLICY)::nested;
    }

    static RefusalReason alone(CandidateDetector detector, String text) {
        char[] c = text.toCharArray();
        Candidates found = new Candidates(POLICY).collect(c, 0, c.length);
        return detector.inspect(c, 0, c.length, found, 0);
    }

    /** Every legitimate text: the hand-written and generated corpus and the long accounts. */
    static List<String> legitimate() {
        List<String> texts = new ArrayList<>(LegitimateTextCorpus.texts());
        texts.addAll(LongAccounts.all());
        return texts;
    }

    /** The smuggling corpus' string samples whose name matches, by name, as the text a string field would hold. */
    static Map<String, String> smuggled(Predicate<String> name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SmugglingCorpus.Sample s : SmugglingCorpus.samples()) {
            if (s.isString() && name.test(s.name())) {
                try {
                    out.put(s.name(), JSON.readValue(s.jsonValue(), String.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(s.name(), e);
                }
            }
        }
        return out;
    }

    /** Suffix of a corpus sample's name: its encoding ({@code jpeg/hex-colons} is {@code hex-colons}). */
    static Predicate<String> encodedAs(String... encodings) {
        return name -> {
            String encoding = name.substring(name.indexOf('/') + 1);
            return List.of(encodings).contains(encoding);
        };
    }

    /** The detector alone refuses every sample the name picks (at least {@code atLeast} of them), with this reason. */
    static void refusesEvery(CandidateDetector detector, Predicate<String> name, int atLeast, RefusalReason reason) {
        Map<String, String> samples = smuggled(name);
        assertTrue(samples.size() >= atLeast, "the corpus has only " + samples.size() + ": " + samples.keySet());
        List<String> missed = new ArrayList<>();
        samples.forEach((sample, text) -> {
            if (alone(detector, text) != reason) {
                missed.add(sample + " (" + alone(detector, text) + ")");
            }
        });
        assertEquals(List.of(), missed, detector.getClass().getSimpleName() + " missed");
    }

    /** No legitimate text is refused by the detector alone: 0 false positives. */
    static void passesEveryLegitimateText(CandidateDetector detector) {
        List<String> texts = legitimate();
        assertTrue(texts.size() > 200, "corpus size " + texts.size());
        List<String> refused = new ArrayList<>();
        for (String text : texts) {
            RefusalReason r = alone(detector, text);
            if (r != null) {
                refused.add(r + ": " + text.substring(0, Math.min(80, text.length())));
            }
        }
        assertEquals(List.of(), refused, detector.getClass().getSimpleName() + " refused legitimate text");
    }
}
