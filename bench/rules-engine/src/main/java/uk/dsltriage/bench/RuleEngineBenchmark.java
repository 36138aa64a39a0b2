package uk.dsltriage.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.dsltriage.rules.DslAttestation;
import uk.dsltriage.rules.EvaluationContext;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.rules.KnownFacts;
import uk.dsltriage.rules.Participant;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.rules.Recommendation;
import uk.dsltriage.rules.Reporter;
import uk.dsltriage.rules.Rule;
import uk.dsltriage.rules.RuleEngine;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.rules.TriageInput;
import uk.dsltriage.vocabulary.VictimWishes;
import uk.dsltriage.rules.codec.RuleSetLoader;

/** Evaluations per second of the full baseline rule set. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleEngineBenchmark {

    private RuleEngine engine;
    private RuleSet rules;
    private TriageInput typical;
    private TriageInput worstCase;
    private TriageInput allUnknown;

    @Setup
    public void setUp() {
        engine = new RuleEngine();
        rules = RuleSetLoader.loadFromClasspath(RuleEngineBenchmark.class.getClassLoader()).get(0);

        // TC01-like: two 15-year-olds, one image, every fact answered.
        Map<String, Boolean> facts = new HashMap<>();
        KnownFacts.BOOLEAN_FACTS.forEach(f -> facts.put(f, false));
        facts.put("imagesInvolved", true);
        facts.put("childDepictedUnder18", true);
        typical = new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), List.of(IncidentType.NUDE_IMAGE_SHARING),
                SexualViolenceType.NONE, VictimWishes.UNKNOWN,
                List.of(pupil("A", ParticipantRole.SENDER, 15, true), pupil("B", ParticipantRole.RECIPIENT, 15, false)),
                facts, 0, new Reporter(false, true), new DslAttestation(true, true, true));

        // Every incident type, every fact true, 30 participants of every role: nearly every rule fires.
        Map<String, Boolean> allTrue = new HashMap<>();
        KnownFacts.BOOLEAN_FACTS.forEach(f -> allTrue.put(f, true));
        List<Participant> crowd = new ArrayList<>();
        ParticipantRole[] roles = ParticipantRole.values();
        for (int i = 0; i < 30; i++) {
            crowd.add(new Participant("P" + i, roles[i % roles.length], 8 + i, true, i % 5 == 0,
                    i % 5 == 0 ? StaffRole.values()[i % StaffRole.values().length] : null, i % 3 == 0, i % 4 == 0,
                    i % 2 == 0, i % 6 == 0, i % 7 == 0, i % 8 == 0, i % 2 == 1));
        }
        worstCase = new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), Arrays.asList(IncidentType.values()),
                SexualViolenceType.RAPE, VictimWishes.DOES_NOT_WANT_POLICE, crowd, allTrue, 30,
                new Reporter(true, false), new DslAttestation(true, true, true));

        // Nothing known: every unknown-policy path (missing facts) runs.
        List<Participant> unknownPeople = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            unknownPeople.add(new Participant("U" + i, null, null, null, null, null, null, null, null, null, null, null,
                    null));
        }
        allUnknown = new TriageInput(null, Arrays.asList(IncidentType.values()), null, null, unknownPeople, Map.of(),
                null, null, null);
    }

    private static Participant pupil(String ref, ParticipantRole role, int age, boolean depicted) {
        return new Participant(ref, role, age, true, false, null, false, false, false, false, false, false, depicted);
    }

    @Benchmark
    public Recommendation typical() {
        return engine.evaluate(rules, typical);
    }

    @Benchmark
    public Recommendation worstCase() {
        return engine.evaluate(rules, worstCase);
    }

    @Benchmark
    public Recommendation allUnknown() {
        return engine.evaluate(rules, allUnknown);
    }

    /**
     * Reading the typical input and evaluating every rule's condition once: no reasons, no explanation, no result.
     * Less {@link #typicalInputOnly}, the cost of the conditions themselves.
     */
    @Benchmark
    public int typicalConditionsOnly() {
        EvaluationContext c = new EvaluationContext(typical, rules.flags(), rules.facts());
        int values = 0;
        for (Rule rule : rules.rules()) {
            values += rule.condition().eval(c).ordinal();
        }
        return values;
    }

    /** Only reading the typical input (facts map, participants, derived facts): the floor under any evaluation. */
    @Benchmark
    public EvaluationContext typicalInputOnly() {
        return new EvaluationContext(typical, rules.flags(), rules.facts());
    }
}
