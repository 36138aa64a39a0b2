package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine over generated incidents (random types, participants and tri-state facts), under every
 * production release (2025.1, 2025.2, 2026.1).
 */
class EnginePropertiesTest {

    /**
     * Facts that are NOT risk facts: protective (deviceSecured, newSettingConfirmed, oneOff, the exemption),
     * mitigating (codeOfConductBreachOnly) or neutral bookkeeping. Every other boolean fact is a risk fact:
     * making it true may raise, but never lower, the response.
     */
    static final Set<String> NOT_RISK_FACTS = Set.of("oneOff", "deviceSecured", "deviceInSchoolPossession",
            "newSettingConfirmed", "codeOfConductBreachOnly", "statutoryReportingExemptionApplies",
            "staffAllegationClosed", "happenedOffSiteOrOnline", "accidentallyViewedImage", "leavingSetting");

    static final List<String> RISK_FACTS = KnownFacts.BOOLEAN_FACTS.stream()
            .filter(f -> !NOT_RISK_FACTS.contains(f)).toList();

    /** Routes that a risk fact must never take away. */
    static final Set<Route> PROTECTED_ROUTES = EnumSet.of(Route.POLICE_999, Route.POLICE_REFERRAL,
            Route.CSC_REFERRAL_S47, Route.CSC_REFERRAL_S17, Route.LADO_REFERRAL);

    private static final RuleEngine ENGINE = new RuleEngine();

    @Property(tries = 400)
    void deterministic(@ForAll("releases") RuleSet rules, @ForAll("inputs") TriageInput input) {
        assertEquals(ENGINE.evaluate(rules, input), ENGINE.evaluate(rules, input));
        assertEquals(ENGINE.evaluate(rules, input), new RuleEngine().evaluate(rules, copy(input)));
    }

    @Property(tries = 1000)
    void neverThrowsAndKeepsInvariants(@ForAll("releases") RuleSet rules, @ForAll("inputs") TriageInput input) {
        Recommendation r = ENGINE.evaluate(rules, input);
        assertNotNull(r);
        assertTrue(r.evaluationErrors().isEmpty(), r.evaluationErrors().toString());
        assertTrue(r.routes().contains(Route.DSL_REVIEW));
        assertTrue(r.urgency().isAtLeast(Urgency.SAME_DAY), "R01 keeps at least SAME_DAY");
        assertTrue(r.firedRule("R01"));
        if (r.routes().contains(Route.MANAGE_INTERNALLY_ELIGIBLE)) {
            assertTrue(r.dslDecisionRequired());
            assertTrue(r.missingFacts().isEmpty());
        }
        if (!r.missingFacts().isEmpty()) {
            assertTrue(r.dslDecisionRequired());
        }
        if (r.routes().contains(Route.PARENTS_INFORM)) {
            assertFalse(r.forbiddenActions().contains(ForbiddenAction.INFORM_PARENTS_BEFORE_CSC_ADVICE));
        }
        if (r.forbiddenActions().contains(ForbiddenAction.DELETE_IMAGE_WHEN_POLICE_INVOLVED)) {
            assertFalse(r.requiredActions().contains(RequiredAction.REQUEST_DELETION_WITH_DEADLINE));
        }
        for (FiredRule f : r.firedRules()) {
            assertFalse(f.citations().isEmpty(), f.id() + " has no citation");
            assertFalse(f.explanation() == null || f.explanation().isBlank(), f.id() + " has no explanation");
            if (!rules.version().equals("2025.1")) {
                // Releases after 2025.1 name each citation's edition and confidence mark (threshold-guidance.md 14.2).
                for (Citation c : f.citations()) {
                    assertFalse(c.edition() == null || c.edition().isBlank(), f.id() + " citation without edition");
                    assertTrue(Set.of("V", "K", "S").contains(c.confidence()), f.id() + " confidence " + c.confidence());
                }
            }
        }
        assertEquals(r.missingFacts().stream().sorted().toList(), r.missingFacts());
        assertEquals(r.routes().stream().sorted().toList(), r.routes());
    }

    @Property(tries = 1000)
    void settingARiskFactTrueNeverLowersTheResponse(@ForAll("releases") RuleSet rules, @ForAll("inputs") TriageInput input,
            @ForAll("riskFacts") String fact) {
        Boolean before = input.facts() == null ? null : input.facts().get(fact);
        if (Boolean.TRUE.equals(before)) {
            return;
        }
        Map<String, Boolean> raised = input.facts() == null ? new HashMap<>() : new HashMap<>(input.facts());
        raised.put(fact, true);
        Recommendation lower = ENGINE.evaluate(rules, input);
        Recommendation higher = ENGINE.evaluate(rules, withFacts(input, raised));
        assertTrue(higher.urgency().isAtLeast(lower.urgency()),
                () -> fact + " lowered urgency " + lower.urgency() + " -> " + higher.urgency());
        for (Route route : lower.routes()) {
            if (PROTECTED_ROUTES.contains(route)) {
                assertTrue(higher.routes().contains(route), () -> fact + " removed " + route);
            }
        }
    }

    @Property(tries = 300)
    void clientDerivedFactsAreIgnored(@ForAll("releases") RuleSet rules, @ForAll("inputs") TriageInput input,
            @ForAll boolean value) {
        Map<String, Boolean> spoofed = input.facts() == null ? new HashMap<>() : new HashMap<>(input.facts());
        KnownFacts.DERIVED_FACTS.forEach(d -> spoofed.put(d, value));
        assertEquals(ENGINE.evaluate(rules, input), ENGINE.evaluate(rules, withFacts(input, spoofed)));
    }

    // ---- generators

    @Provide
    Arbitrary<RuleSet> releases() {
        return Arbitraries.of(Fixtures.ALL);
    }

    @Provide
    Arbitrary<String> riskFacts() {
        return Arbitraries.of(RISK_FACTS);
    }

    @Provide
    Arbitrary<TriageInput> inputs() {
        Arbitrary<List<IncidentType>> types = Arbitraries.of(IncidentType.class).injectNull(0.05)
                .list().ofMaxSize(4).injectNull(0.05);
        Arbitrary<List<Participant>> participants = participant().injectNull(0.05).list().ofMaxSize(6).injectNull(0.05);
        Arbitrary<Map<String, Boolean>> facts = Arbitraries.maps(Arbitraries.of(allFactNames()), triState())
                .ofMaxSize(KnownFacts.BOOLEAN_FACTS.size()).injectNull(0.03);
        Arbitrary<Integer> days = Arbitraries.oneOf(Arbitraries.integers().between(-5, 60),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 10, 9)).injectNull(0.3);
        Arbitrary<Reporter> reporter = Combinators.combine(triState(), triState()).as(Reporter::new).injectNull(0.1);
        Arbitrary<DslAttestation> attestation = Combinators.combine(triState(), triState(), triState())
                .as(DslAttestation::new).injectNull(0.3);
        Arbitrary<SexualViolenceType> svt = Arbitraries.of(SexualViolenceType.class).injectNull(0.3);
        Arbitrary<VictimWishes> wishes = Arbitraries.of(VictimWishes.class).injectNull(0.3);
        return Combinators.combine(types, svt, wishes, participants, facts, days, reporter, attestation)
                .as((t, s, w, p, f, d, r, a) -> new TriageInput(Instant.EPOCH, t, s, w, p, f, d, r, a));
    }

    private static List<String> allFactNames() {
        List<String> names = new ArrayList<>(KnownFacts.BOOLEAN_FACTS);
        names.addAll(KnownFacts.DERIVED_FACTS);
        names.add("notAVocabularyFact");
        return names;
    }

    private static Arbitrary<Boolean> triState() {
        return Arbitraries.of(true, false).injectNull(0.34);
    }

    private static Arbitrary<Participant> participant() {
        Arbitrary<String> ref = Arbitraries.of("P1", "P2", "P3", "V", "Jane Smith", "", "x".repeat(40)).injectNull(0.1);
        Arbitrary<Integer> age = Arbitraries.oneOf(Arbitraries.integers().between(0, 25), Arbitraries.integers().between(26, 90),
                Arbitraries.of(-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 12, 13, 17, 18)).injectNull(0.2);
        Arbitrary<ParticipantRole> role = Arbitraries.of(ParticipantRole.class).injectNull(0.1);
        Arbitrary<StaffRole> staffRole = Arbitraries.of(StaffRole.class).injectNull(0.5);
        Arbitrary<Boolean[]> flags = triState().array(Boolean[].class).ofSize(9);
        return Combinators.combine(ref, role, age, staffRole, flags).as((r, ro, a, sr, b) ->
                new Participant(r, ro, a, b[0], b[1], sr, b[2], b[3], b[4], b[5], b[6], b[7], b[8]));
    }

    private static TriageInput withFacts(TriageInput in, Map<String, Boolean> facts) {
        return new TriageInput(in.occurredAt(), in.incidentTypes(), in.sexualViolenceType(), in.victimWishes(),
                in.participants(), facts, in.unexplainedAbsenceDays(), in.reporter(), in.dslAttestation());
    }

    private static TriageInput copy(TriageInput in) {
        return withFacts(in, in.facts() == null ? null : new HashMap<>(in.facts()));
    }
}
